namespace Boxer.Abstractions;

/// <summary>
/// Something a build reports as it goes: the host turns these into progress bars, log lines or JSON
/// lines. Targets report through <see cref="TargetBuildContext.Progress"/>.
/// </summary>
/// <remarks>
/// The order is part of the contract, for every target:
/// <list type="bullet">
/// <item>A phase's <see cref="PhaseStarted"/> is its first event and its <see cref="PhaseCompleted"/> its last;
/// nothing of the phase follows its completion. A phase that fails is not completed.</item>
/// <item><see cref="PhaseProgress.DoneBytes"/> is a running total, never a delta: it does not go back, does
/// not pass the total, and a phase with a known total completes at it.</item>
/// <item>Events are reported on the thread doing the work, before the reporting call returns; never through
/// <see cref="Progress{T}"/>, which posts to the thread pool, so its reports can arrive after the phase
/// completed or after the build ended.</item>
/// </list>
/// Boxer.Formats' <c>PhaseReporter</c> keeps this order (and throttles progress) for a phase.
/// </remarks>
public abstract record BuildEvent
{
    /// <summary>When the event happened.</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;
}
