namespace Boxer.Abstractions.Testing;

/// <summary>
/// A system <see cref="IImageTester.BootAsync"/> started. The host runs commands in it while it boots, stops it
/// once, reads its output, and disposes it, which removes the container or instance and anything loaded for it.
/// </summary>
public interface IBootedImage : IAsyncDisposable
{
    /// <summary>How it was booted, for the report: the runtime and the command line or API call used.</summary>
    string Runtime { get; }

    /// <summary>Runs a command inside the booted system (docker exec, lxc exec, nsenter) and waits for it.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Its exit code and both streams; a command that cannot start reports a non-zero exit code.</returns>
    Task<BootExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken);

    /// <summary>Stops the system the runtime's way (docker stop, lxc stop, instance stop) and waits until it is down.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How it ended.</returns>
    Task<BootStopResult> StopAsync(CancellationToken cancellationToken);

    /// <summary>Everything the system printed, one entry per stream; read after <see cref="StopAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The streams, named for messages.</returns>
    Task<IReadOnlyList<BootStream>> ReadOutputAsync(CancellationToken cancellationToken);
}
