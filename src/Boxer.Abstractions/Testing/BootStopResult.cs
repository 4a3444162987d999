namespace Boxer.Abstractions.Testing;

/// <summary>How a stop by <see cref="IBootedImage.StopAsync"/> ended.</summary>
/// <param name="Killed">True when the runtime had to kill the system because its shutdown did not end in time.</param>
/// <param name="ExitStatus">PID 1's exit status, when the runtime reports one.</param>
public sealed record BootStopResult(bool Killed, int? ExitStatus)
{
    /// <summary>
    /// Why the exit status means a failed shutdown (e.g. boxer's docker-init exits non-zero when the shutdown
    /// runlevel failed), or null when the runtime sees nothing wrong in it.
    /// </summary>
    public string? Problem { get; init; }
}
