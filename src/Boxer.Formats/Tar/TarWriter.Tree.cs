using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>Writing and measuring a whole tree.</summary>
public sealed partial class TarWriter
{
    /// <summary>
    /// The exact number of bytes <see cref="WriteTreeAsync"/> followed by <see cref="FinishAsync"/> writes for
    /// <paramref name="tree"/>: headers are computed (they are deterministic), content sizes are summed.
    /// </summary>
    public static long MeasureTree(IReadOnlyRootFs tree, TarWriterOptions? options = null)
    {
        options ??= TarWriterOptions.Default;
        long total = TarLayout.BlockSize * TarLayout.EndBlocks;
        foreach (var entry in Writable(tree, options with { Skipped = null }))
        {
            total += TarHeaderEncoder.Encode(entry, options).Length;
            if (entry.Kind == EntryKind.File)
            {
                total += TarLayout.Padded(entry.Size);
            }
        }
        return total;
    }

    /// <summary>
    /// Writes every entry of <paramref name="tree"/> in its enumeration order (parents first, hard links after
    /// the file they name), without the end blocks. Sockets are skipped and reported to
    /// <see cref="TarWriterOptions.Skipped"/>.
    /// </summary>
    /// <param name="tree">The tree.</param>
    /// <param name="progress">Receives the content bytes written so far, at most every 16 MiB.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public async Task WriteTreeAsync(IReadOnlyRootFs tree, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        const long ReportEvery = 16 << 20;
        long content = 0;
        long reported = 0;
        foreach (var entry in Writable(tree, _options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Kind != EntryKind.File || entry.Size == 0)
            {
                await WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var stream = tree.OpenRead(entry.Path);
            await using (stream.ConfigureAwait(false))
            {
                await WriteEntryAsync(entry, stream, cancellationToken).ConfigureAwait(false);
            }
            content += entry.Size;
            if (content - reported >= ReportEvery)
            {
                progress?.Report(content);
                reported = content;
            }
        }
        progress?.Report(content);
    }

    /// <summary>
    /// The entries as tar will carry them. A hard link is written with its file's full metadata (mode, owner,
    /// mtime, xattrs): Docker's unpacker chowns and chmods every member, and a chown clears the shared
    /// inode's <c>security.capability</c>, so the link header must restore it.
    /// </summary>
    private static IEnumerable<FsEntry> Writable(IReadOnlyRootFs tree, TarWriterOptions options)
    {
        var files = new Dictionary<string, FsEntry>(StringComparer.Ordinal);
        foreach (var entry in tree.Entries)
        {
            switch (entry.Kind)
            {
                case EntryKind.Socket:
                    options.Skipped?.Invoke(entry);
                    continue;
                case EntryKind.File:
                    files[entry.Path] = entry;
                    yield return entry;
                    break;
                case EntryKind.HardLink:
                    yield return LinkWithFileMetadata(entry, files);
                    break;
                default:
                    yield return entry;
                    break;
            }
        }
    }

    private static FsEntry LinkWithFileMetadata(FsEntry link, Dictionary<string, FsEntry> files)
    {
        if (link.LinkTarget is null || !files.TryGetValue(link.LinkTarget, out var file))
        {
            throw new TarFormatException($"hard link to /{link.LinkTarget} comes before its target (or names no file)", link.Path);
        }
        return file with { Path = link.Path, Kind = EntryKind.HardLink, LinkTarget = file.Path, Size = 0 };
    }
}
