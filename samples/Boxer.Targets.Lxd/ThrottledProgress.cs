using System.Diagnostics;
using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>Turns running byte counts into at most four <see cref="PhaseProgress"/> events a second.</summary>
internal sealed class ThrottledProgress(IProgress<BuildEvent> sink, string phase, long? total, bool cumulative) : IProgress<long>
{
    private static readonly long Interval = Stopwatch.Frequency / 4;
    private long _done;
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Takes either a delta (the squashfs writer) or a running total (the tar writer), as constructed.</summary>
    public void Report(long value)
    {
        _done = cumulative ? value : _done + value;
        var now = Stopwatch.GetTimestamp();
        if (now - _last >= Interval || _done == total)
        {
            _last = now;
            sink.Report(new PhaseProgress(phase, _done, total));
        }
    }
}
