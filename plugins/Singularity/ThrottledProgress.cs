using System.Diagnostics;
using Boxer.Abstractions;

namespace Boxer.Targets.Singularity;

/// <summary>Turns byte counts from the squashfs writer into at most a few <see cref="PhaseProgress"/> events a second.</summary>
internal sealed class ThrottledProgress(IProgress<BuildEvent> sink, string phase, long total) : IProgress<long>
{
    private static readonly long Interval = Stopwatch.Frequency / 4;
    private long _done;
    private long _last = Stopwatch.GetTimestamp();

    public void Report(long value)
    {
        _done += value;
        long now = Stopwatch.GetTimestamp();
        if (now - _last >= Interval || _done == total)
        {
            _last = now;
            sink.Report(new PhaseProgress(phase, _done, total));
        }
    }
}
