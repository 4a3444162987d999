using Boxer.Core.Import;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer inspect</c> on a built image: a SIF's header and descriptors and the squashfs facts of its primary
/// system partition, or a bare squashfs; with <c>--list</c> the entries of that squashfs, line for line as for a stage3.
/// </summary>
internal static class ImageInspector
{
    public static async Task InspectAsync(string path, ImageFormat format, bool list, bool withXattrs, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            long offset = 0;
            if (format == ImageFormat.Sif)
            {
                var sif = SifReader.Read(file);
                var partition = sif.PrimaryPartition;
                if (!list)
                {
                    ImageFactsPrinter.PrintSif(path, sif, output);
                    SifProvenancePrinter.Print(file, sif, output);
                }
                if (partition is null || partition.PartitionFsType != SifPartitionTypes.Squashfs)
                {
                    if (list)
                    {
                        throw new StageException("the SIF has no squashfs primary system partition to list");
                    }
                    return;
                }
                offset = partition.Offset;
            }
            using var squashfs = new SquashfsReader(file, offset, leaveOpen: true);
            if (list)
            {
                await EntryListingWriter.WriteAsync(squashfs.Entries.Select(e => e.Entry), withXattrs, cancellationToken);
            }
            else
            {
                ImageFactsPrinter.PrintSquashfs(format == ImageFormat.Squashfs ? path : null, squashfs.Summary, output);
            }
        }
        catch (Exception e) when (e is InvalidDataException or SquashfsException or EndOfStreamException)
        {
            // A damaged image is bad input, like a damaged stage3: one line, exit 3.
            throw new StageException($"{Path.GetFileName(path)}: {e.Message}", inner: e);
        }
    }
}
