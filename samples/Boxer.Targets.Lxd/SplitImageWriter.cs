using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.Formats.Squashfs;

namespace Boxer.Targets.Lxd;

/// <summary>
/// The split form LXD imports with <c>lxc image import metadata.tar.xz rootfs.squashfs</c>: the metadata
/// tarball (xz) and the tree as squashfs 4.0 (gzip, 128 KiB blocks, as LXD itself exports images).
/// </summary>
internal sealed class SplitImageWriter(TargetBuildContext context, LxdOptions options)
{
    public const string MetadataName = "metadata.tar.xz";
    public const string RootfsName = "rootfs.squashfs";
    private const string MetadataPhase = "lxd:metadata";
    private const string RootfsPhase = "lxd:rootfs";

    public async Task<LxdImage> WriteAsync(CancellationToken cancellationToken)
    {
        string? sbomName = SbomFile.Name(context, options, unified: false);
        using var files = new ImageFiles(options.OutputDirectory, SbomFile.With([MetadataName, RootfsName], sbomName), options.Force);
        var metadata = new LxdMetadata(context);
        var metadataPath = Path.Combine(options.OutputDirectory, MetadataName);
        var rootfsPath = Path.Combine(options.OutputDirectory, RootfsName);

        await WriteMetadataAsync(files, metadata, metadataPath, cancellationToken).ConfigureAwait(false);
        var phase = PhaseReporter.Start(context.Progress, RootfsPhase, context.RootFs.ContentSize);
        var squashfs = new SquashfsWriter(new SquashfsWriterOptions
        {
            SourceDateEpoch = context.SourceDateEpoch,
            Progress = phase,
        });
        await files.WriteAsync(rootfsPath, WriteRootfsAsync, cancellationToken).ConfigureAwait(false);
        phase.Complete();
        await SbomFile.WriteAsync(files, context, options, sbomName, cancellationToken).ConfigureAwait(false);
        files.Commit();

        async Task WriteRootfsAsync(Stream stream, CancellationToken token)
        {
            try
            {
                var info = await squashfs.WriteAsync(context.RootFs, stream, token).ConfigureAwait(false);
                foreach (var warning in info.Warnings)
                {
                    context.Progress.Report(new LogMessage(BuildLogLevel.Warning, warning, LxdTarget.TargetName));
                }
            }
            catch (SquashfsException error)
            {
                throw new TargetException(LxdTarget.TargetName, $"cannot write {rootfsPath}: {error.Message}", error) { Artifact = rootfsPath };
            }
        }
        // The image is in place: a late Ctrl-C must not report "cancelled" beside it.
        return await ImageHasher.HashAsync([metadataPath, rootfsPath], CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WriteMetadataAsync(ImageFiles files, LxdMetadata metadata, string path, CancellationToken cancellationToken)
    {
        var phase = PhaseReporter.Start(context.Progress, MetadataPhase);
        var tar = await new MetadataEntries(metadata, context.CreatedTime).ToTarAsync(cancellationToken).ConfigureAwait(false);
        var xz = await XzCompressor.CompressAsync(tar, cancellationToken).ConfigureAwait(false);
        await files.WriteAsync(path, (stream, token) => stream.WriteAsync(xz, token).AsTask(), cancellationToken).ConfigureAwait(false);
        phase.Complete();
    }
}
