using Boxer.Abstractions;
using Boxer.Formats.Events;

namespace Boxer.Core.Import;

/// <summary>Reports the import phase: started, compressed bytes read (about four times a second), completed.</summary>
internal sealed class ImportProgress(IProgress<BuildEvent>? sink, long totalBytes)
{
    public const string Phase = "import";

    private PhaseReporter? _phase;

    public void Started() => _phase = sink is null ? null : PhaseReporter.Start(sink, Phase, totalBytes);

    public void Log(BuildLogLevel level, string message) => sink?.Report(new LogMessage(level, message, Phase));

    /// <summary>The running total of compressed bytes read.</summary>
    public void BytesRead(long done) => _phase?.Report(done);

    public void Completed()
    {
        _phase?.Report(totalBytes);
        _phase?.Complete();
    }
}
