using System.Diagnostics;
using Boxer.Abstractions;
using Terminal.Gui.App;

namespace Boxer.Host.Tui;

/// <summary>
/// Carries build events from the pipeline's worker threads onto the UI main loop (<c>app.Invoke</c>), the only
/// place views may be touched. Byte progress is thinned to a few updates a second so a fast phase cannot
/// flood the loop; every other event is passed on.
/// </summary>
internal sealed class UiProgress(IApplication app, Action<BuildEvent> onMainLoop) : IProgress<BuildEvent>
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private readonly Lock _lock = new();

    public void Report(BuildEvent value)
    {
        if (value is PhaseProgress)
        {
            lock (_lock)
            {
                if (_sinceProgress.Elapsed < ProgressInterval)
                {
                    return;
                }
                _sinceProgress.Restart();
            }
        }
        app.Invoke(() => onMainLoop(value));
    }
}
