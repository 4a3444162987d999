using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Events;
using Boxer.Formats.Tar;

namespace Boxer.Targets.Lxd;

/// <summary>
/// The unified form: one gzip-compressed PAX tarball holding <c>metadata.yaml</c>, <c>templates/</c> and the
/// tree under <c>rootfs/</c>, owners, modes, devices, hard links and xattrs kept. Named after the alias
/// (<c>ALIAS.tar.gz</c>); gzip because LXD reads it everywhere and Boxer.Formats compresses it in parallel.
/// </summary>
internal sealed class UnifiedImageWriter(TargetBuildContext context, LxdOptions options)
{
    private const string Phase = "lxd:unified";
    private const string RootPrefix = "rootfs";

    public async Task<LxdImage> WriteAsync(CancellationToken cancellationToken)
    {
        var name = options.Alias + ".tar.gz";
        string? sbomName = SbomFile.Name(context, options, unified: true);
        using var files = new ImageFiles(options.OutputDirectory, SbomFile.With([name], sbomName), options.Force);
        var metadata = new MetadataEntries(new LxdMetadata(context), context.CreatedTime);
        var path = Path.Combine(options.OutputDirectory, name);
        var phase = PhaseReporter.Start(context.Progress, Phase, context.RootFs.ContentSize);
        await files.WriteAsync(path, async (file, token) =>
        {
            var gzip = Codecs.Gzip.CreateStreamEncoder(file, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                var tar = new TarWriter(gzip, new TarWriterOptions { ClampTime = context.SourceDateEpoch });
                await metadata.WriteAsync(tar, token).ConfigureAwait(false);
                await WriteRootfsAsync(tar, phase, token).ConfigureAwait(false);
                await tar.FinishAsync(token).ConfigureAwait(false);
                await gzip.FinishAsync(token).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        await SbomFile.WriteAsync(files, context, options, sbomName, cancellationToken).ConfigureAwait(false);
        files.Commit();
        phase.Complete();
        // The image is in place: a late Ctrl-C must not report "cancelled" beside it.
        return await ImageHasher.HashAsync([path], CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WriteRootfsAsync(TarWriter tar, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var tree = context.RootFs;
        long written = 0;
        var files = new Dictionary<string, FsEntry>(StringComparer.Ordinal);
        foreach (var entry in tree.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (entry.Kind)
            {
                case EntryKind.Socket:
                    context.Progress.Report(new LogMessage(BuildLogLevel.Info, $"skipped socket /{entry.Path} (tar cannot hold one)", LxdTarget.TargetName));
                    break;
                case EntryKind.File when entry.Size > 0:
                    files[entry.Path] = entry;
                    var content = tree.OpenRead(entry.Path);
                    await using (content.ConfigureAwait(false))
                    {
                        await tar.WriteEntryAsync(Prefixed(entry), content, cancellationToken).ConfigureAwait(false);
                    }
                    progress.Report(written += entry.Size);
                    break;
                case EntryKind.File:
                    files[entry.Path] = entry;
                    await tar.WriteEntryAsync(Prefixed(entry), cancellationToken).ConfigureAwait(false);
                    break;
                case EntryKind.HardLink:
                    await tar.WriteEntryAsync(HardLink(entry, files), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await tar.WriteEntryAsync(Prefixed(entry), cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static FsEntry Prefixed(FsEntry entry) =>
        entry with { Path = entry.Path.Length == 0 ? RootPrefix : $"{RootPrefix}/{entry.Path}" };

    /// <summary>
    /// A hard link carries its file's owner, mode and xattrs: an unpacker that chowns every member would
    /// otherwise clear the shared inode's security.capability.
    /// </summary>
    private static FsEntry HardLink(FsEntry link, Dictionary<string, FsEntry> files)
    {
        if (link.LinkTarget is null || !files.TryGetValue(link.LinkTarget, out var file))
        {
            throw new TargetException(LxdTarget.TargetName, $"hard link /{link.Path} names /{link.LinkTarget}, which is no earlier file");
        }
        return file with
        {
            Path = $"{RootPrefix}/{link.Path}",
            Kind = EntryKind.HardLink,
            LinkTarget = $"{RootPrefix}/{file.Path}",
            Size = 0,
        };
    }
}
