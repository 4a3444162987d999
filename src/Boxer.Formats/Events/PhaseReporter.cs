using System.Diagnostics;
using Boxer.Abstractions;

namespace Boxer.Formats.Events;

/// <summary>
/// Reports one phase of a build in the order the contract requires (see <see cref="BuildEvent"/>):
/// <see cref="PhaseStarted"/> first, <see cref="PhaseProgress"/> at most four times a second while it runs,
/// <see cref="PhaseCompleted"/> last. Every event is reported on the calling thread before the call returns;
/// <see cref="Progress{T}"/> would post it to the thread pool instead, where it can arrive after the phase
/// (or the whole build) has ended.
/// </summary>
/// <remarks>
/// As an <see cref="IProgress{T}"/> of <see cref="long"/> it takes what boxer's writers report
/// (<see cref="Tar.TarWriter.WriteTreeAsync"/>, <see cref="Squashfs.SquashfsWriterOptions.Progress"/>):
/// a running total, the bytes the phase has processed so far, never a delta. It is safe to report from
/// several threads; reports after <see cref="Complete"/> are dropped, so a late writer cannot break the order.
/// </remarks>
public sealed class PhaseReporter : IProgress<long>
{
    private static readonly long Interval = Stopwatch.Frequency / 4;

    private readonly IProgress<BuildEvent> _sink;
    private readonly Lock _lock = new();
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _lastReportAt;
    private long _done;
    private long _reported = -1;
    private bool _pending;
    private bool _completed;

    private PhaseReporter(IProgress<BuildEvent> sink, string phase, long? totalBytes)
    {
        _sink = sink;
        Phase = phase;
        TotalBytes = totalBytes;
        // The first report goes out at once, so a display shows movement immediately.
        _lastReportAt = _startedAt - Interval;
    }

    /// <summary>The phase's name, e.g. <c>docker:layer</c>.</summary>
    public string Phase { get; }

    /// <summary>The bytes the phase will process, when known; the running totals reported must not exceed it.</summary>
    public long? TotalBytes { get; }

    /// <summary>The last running total reported to this reporter.</summary>
    public long DoneBytes
    {
        get
        {
            lock (_lock)
            {
                return _done;
            }
        }
    }

    /// <summary>Reports <see cref="PhaseStarted"/> and returns the reporter for the rest of the phase.</summary>
    /// <param name="sink">Where the events go: the build context's <see cref="TargetBuildContext.Progress"/>.</param>
    /// <param name="phase">The phase's name: <c>target:step</c> for a target's phases.</param>
    /// <param name="totalBytes">How many bytes the phase will process, when known.</param>
    /// <returns>The reporter; call <see cref="Complete"/> when the phase succeeded.</returns>
    public static PhaseReporter Start(IProgress<BuildEvent> sink, string phase, long? totalBytes = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentException.ThrowIfNullOrEmpty(phase);
        var reporter = new PhaseReporter(sink, phase, totalBytes);
        sink.Report(new PhaseStarted(phase, totalBytes));
        return reporter;
    }

    /// <summary>
    /// Takes the running total of bytes processed so far and reports it as <see cref="PhaseProgress"/> when
    /// a quarter second has passed since the last report, or when it reaches <see cref="TotalBytes"/>.
    /// </summary>
    /// <param name="value">Bytes processed so far in this phase (a running total, not a delta).</param>
    public void Report(long value)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            _done = value;
            _pending = true;
            long now = Stopwatch.GetTimestamp();
            if (now - _lastReportAt >= Interval || value == TotalBytes)
            {
                _lastReportAt = now;
                Flush();
            }
        }
    }

    /// <summary>
    /// Ends the phase: reports the latest total if the throttle held it back, then <see cref="PhaseCompleted"/>.
    /// Nothing this reporter is given afterwards is reported; a second call does nothing. A phase that failed
    /// is not completed: the exception says so.
    /// </summary>
    public void Complete()
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            Flush();
            _sink.Report(new PhaseCompleted(Phase, Stopwatch.GetElapsedTime(_startedAt)));
        }
    }

    private void Flush()
    {
        // The same total again is no news (a reader at its end reports it on every call).
        if (_pending && _done != _reported)
        {
            _sink.Report(new PhaseProgress(Phase, _done, TotalBytes));
            _reported = _done;
        }
        _pending = false;
    }
}
