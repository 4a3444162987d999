using System.Diagnostics;
using Boxer.Abstractions;

namespace Boxer.Core.Import;

/// <summary>Reports the import phase: started, compressed bytes read (about four times a second), completed.</summary>
internal sealed class ImportProgress(IProgress<BuildEvent>? sink, long totalBytes)
{
    public const string Phase = "import";
    private const long IntervalMs = 250;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReportMs = -IntervalMs;

    public void Started() => sink?.Report(new PhaseStarted(Phase, totalBytes));

    public void Log(BuildLogLevel level, string message) => sink?.Report(new LogMessage(level, message, Phase));

    public void BytesRead(long done)
    {
        long now = _clock.ElapsedMilliseconds;
        if (sink is null || now - Interlocked.Read(ref _lastReportMs) < IntervalMs)
        {
            return;
        }
        Interlocked.Exchange(ref _lastReportMs, now);
        sink.Report(new PhaseProgress(Phase, done, totalBytes));
    }

    public void Completed()
    {
        sink?.Report(new PhaseProgress(Phase, totalBytes, totalBytes));
        sink?.Report(new PhaseCompleted(Phase, _clock.Elapsed));
    }
}
