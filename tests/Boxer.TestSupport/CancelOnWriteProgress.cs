using Boxer.Abstractions;

namespace Boxer.TestSupport;

/// <summary>
/// A progress sink that cancels the build at the first <see cref="PhaseProgress"/> of one phase, i.e. in the
/// middle of writing, and remembers that it did (a build that finished first proves nothing).
/// </summary>
public sealed class CancelOnWriteProgress(string phase, CancellationTokenSource cancel) : IProgress<BuildEvent>
{
    private int _cancelled;

    /// <summary>Whether the phase reported progress and the build was cancelled from it.</summary>
    public bool CancelledMidWrite => Volatile.Read(ref _cancelled) == 1;

    public void Report(BuildEvent value)
    {
        if (value is PhaseProgress step && step.Phase == phase && (step.TotalBytes is not { } total || step.DoneBytes < total)
            && Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            cancel.Cancel();
        }
    }
}
