using System.Diagnostics;
using System.Globalization;
using Boxer.Abstractions;

namespace Boxer.Host.Cli;

/// <summary>
/// Shows build events on stderr without a UI. On a terminal the running phase's line is redrawn in place
/// (percent, bytes, rate and ETA) and finished with its size and rate; otherwise each phase gets a timestamped start and end line that
/// logs keep well. <c>--quiet</c> shows nothing (errors are Program's); <c>--verbose</c> adds debug lines.
/// Events may come from worker threads, so reporting is synchronous and locked.
/// </summary>
internal sealed class HeadlessProgress(CliConsole console) : IProgress<BuildEvent>
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);
    private readonly Dictionary<string, HeadlessProgressMeter> _phases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Stopwatch _sinceRedraw = Stopwatch.StartNew();
    private bool _lineOpen;

    public void Report(BuildEvent value)
    {
        if (console.Quiet)
        {
            return;
        }
        lock (_lock)
        {
            switch (value)
            {
                case PhaseStarted started when !_phases.ContainsKey(started.Phase):
                    _phases[started.Phase] = new HeadlessProgressMeter(started.TotalBytes);
                    WriteLine(value.Time, $"{started.Phase} started{Total(started.TotalBytes)}", !console.ErrorIsTerminal);
                    break;
                case PhaseProgress step when _phases.TryGetValue(step.Phase, out var state):
                    state.Update(step.DoneBytes, step.TotalBytes);
                    Redraw(step.Phase, state);
                    break;
                case PhaseCompleted done when _phases.Remove(done.Phase, out var state):
                    WriteLine(value.Time, $"{done.Phase} done{Finished(state, done.Elapsed)}", show: true);
                    break;
                case LogMessage log when log.Level != BuildLogLevel.Debug || console.Verbose:
                    WriteLine(value.Time, LogText(log), show: true);
                    break;
            }
        }
    }

    private void Redraw(string phase, HeadlessProgressMeter state)
    {
        if (!console.ErrorIsTerminal || _sinceRedraw.Elapsed < RedrawInterval)
        {
            return;
        }
        _sinceRedraw.Restart();
        console.Error.Write($"\r\e[K{phase} {state.Describe()}");
        _lineOpen = true;
    }

    private void WriteLine(DateTimeOffset time, string text, bool show)
    {
        if (!show)
        {
            return;
        }
        if (_lineOpen)
        {
            console.Error.Write("\r\e[K");
            _lineOpen = false;
        }
        console.Error.WriteLine(console.ErrorIsTerminal
            ? text
            : $"{time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {text}");
    }

    private static string Total(long? bytes) => bytes is { } b ? $" ({ByteSize.Format(b)})" : "";

    private static string Finished(HeadlessProgressMeter state, TimeSpan elapsed)
    {
        var bytes = state.DoneBytes > 0 ? state.DoneBytes : state.TotalBytes ?? 0;
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return bytes > 0 ? $" in {seconds} s, {ByteSize.Format(bytes)} at {ByteSize.Rate(bytes, elapsed)}" : $" in {seconds} s";
    }

    private static string LogText(LogMessage log)
    {
        var source = log.Source is { } s ? $"{s}: " : "";
        return log.Level == BuildLogLevel.Warning ? $"warning: {source}{log.Message}" : $"{source}{log.Message}";
    }
}
