namespace Boxer.Abstractions;

/// <summary>
/// Something a build reports as it goes: the host turns these into progress bars, log lines or JSON
/// lines. Targets report through <see cref="TargetBuildContext.Progress"/>.
/// </summary>
public abstract record BuildEvent
{
    /// <summary>When the event happened.</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;
}
