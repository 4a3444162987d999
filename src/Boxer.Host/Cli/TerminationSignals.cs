using System.Runtime.InteropServices;

namespace Boxer.Host.Cli;

/// <summary>
/// SIGINT and SIGTERM both mean "stop": each cancels <see cref="Token"/> and lets boxer end on its own
/// path (partial outputs removed, exit 130) instead of the runtime's, which exits 143 on SIGTERM and can
/// leave its diagnostic files in TMPDIR. Registered first thing in Main, so even an early signal takes this path.
/// SIGHUP keeps its default (end now): the terminal of a wizard is gone.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Completes when the first signal arrives.</summary>
    public Task Signalled => _signalled.Task;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive: boxer decides when to exit, after removing what it was writing.
        context.Cancel = true;
        if (_signalled.TrySetResult())
        {
            _cancel.Cancel();
        }
    }
}
