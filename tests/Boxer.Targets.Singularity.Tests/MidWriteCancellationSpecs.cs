using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// A build cancelled while the squashfs partition is being written (not before the call): the pipeline stops
/// with OperationCanceledException and leaves no SIF, no temp file and no open descriptor behind.
/// </summary>
public sealed class MidWriteCancellationSpecs : IDisposable
{
    private const string WritePhase = "sif:write";
    private readonly TempDir _dir = new("boxer-sif-cancel-");

    [Fact]
    public async Task Cancelling_after_the_first_write_progress_leaves_no_sif_no_temp_file_and_no_open_file()
    {
        string stage = LargeStage.Write(_dir.Combine("large-stage3.tar"));
        string output = Directory.CreateDirectory(_dir.Combine("out")).FullName;
        string spool = Directory.CreateDirectory(_dir.Combine("spool")).FullName;
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnWriteProgress(WritePhase, cancel);
        var request = new BuildRequest
        {
            StagePath = stage,
            Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = Path.Combine(output, "image.sif") }))],
            Import = new ImportOptions { SpoolDirectory = spool },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BuildPipeline.RunAsync(request, progress, cancel.Token));

        Assert.True(progress.CancelledMidWrite, "the build never reported progress while writing, so it was not cancelled mid-write");
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Empty(Directory.GetFileSystemEntries(spool));
        Assert.Empty(OpenFiles.Under(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
