using Boxer.Abstractions;
using Boxer.Formats.Output;
using Boxer.Formats.Overlay;
using Boxer.Formats.Sif;

namespace Boxer.Targets.Singularity;

/// <summary>
/// The ext3 overlay a SIF embeds (<c>--overlay-size</c>): made first in a scratch file beside the output, so a
/// missing or failing mkfs.ext3 stops the build before the squashfs is written, then copied in as the last
/// object, where <c>apptainer overlay create --size N IMAGE.sif</c> appends it: a partition descriptor of file
/// system type ext3 and partition type overlay, in group 1, aligned to 4096, unnamed. The scratch file goes
/// away with this object, whatever happened.
/// </summary>
internal sealed class SifOverlay : IDisposable
{
    private const string TargetName = "sif";
    private readonly OutputFile _scratch;

    private SifOverlay(OutputFile scratch) => _scratch = scratch;

    public static async Task<SifOverlay> CreateAsync(string outputPath, long sizeMiB, UnixTime? epoch, CancellationToken cancellationToken)
    {
        var scratch = OutputFile.CreateScratch(TargetName, Path.GetDirectoryName(outputPath)!, "overlay", outputPath);
        try
        {
            var options = new Ext3OverlayOptions { SizeMiB = sizeMiB, SourceDateEpoch = epoch, Target = TargetName, ReportAs = outputPath };
            await Ext3OverlayWriter.WriteAsync(scratch, options, cancellationToken).ConfigureAwait(false);
            return new SifOverlay(scratch);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            scratch.Dispose();
            throw OutputFile.Failure(TargetName, outputPath, error);
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    /// <summary>The overlay as the SIF's partition object, for the image's architecture code.</summary>
    public SifObject Partition(string arch) =>
        SifObject.Partition(SifPartitionTypes.Ext3, SifPartitionTypes.Overlay, arch, (stream, token) =>
        {
            _scratch.Stream.Position = 0;
            return SparseCopy.CopyAsync(_scratch.Stream, stream, token);
        });

    public void Dispose() => _scratch.Dispose();
}
