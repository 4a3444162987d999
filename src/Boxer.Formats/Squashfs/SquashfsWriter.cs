using Boxer.Abstractions;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Writes a squashfs 4.0 image of a root filesystem tree to a seekable stream, starting at the stream's
/// current position (a SIF writer puts it at an aligned offset).
/// <code>
///  offset 0  +--------------------------------------+
///            | superblock (96 bytes)                |  counts, block size, compressor, table offsets
///            +--------------------------------------+
///            | compressor options (metadata block)  |  only for a non-default level
///            +--------------------------------------+
///            | data blocks, file by file            |  compressed or raw (bit 24); all-zero blocks
///            |   interleaved with fragment blocks   |  are not stored (size 0 = sparse)
///            +--------------------------------------+
///            | inode table       (8 KiB metadata    |  header u16: length | 0x8000 when raw
///            | directory table    blocks)           |
///            +--------------------------------------+
///            | fragment table  blocks + u64 index   |  16-byte entries: start, size
///            | export table    blocks + u64 index   |  inode number - 1 -> inode reference
///            | id table        blocks + u64 index   |  u32 uid/gid values
///            | xattr pairs, xattr ids, header       |  header: pairs start, count, block index
///            +--------------------------------------+  bytes_used
///            | zero padding to a 4 KiB multiple     |
///            +--------------------------------------+
/// </code>
/// Memory grows with the number of entries (tables are assembled in memory), never with content size:
/// content streams through a bounded window of blocks compressed on all cores and written in order, so
/// the same tree gives the same bytes whatever the parallelism.
/// </summary>
public sealed class SquashfsWriter(SquashfsWriterOptions? options = null)
{
    private readonly SquashfsWriterOptions _options = options ?? new SquashfsWriterOptions();

    /// <summary>Writes the image of <paramref name="tree"/> to <paramref name="output"/>.</summary>
    /// <param name="tree">The tree; its <see cref="IReadOnlyRootFs.Entries"/> order is kept.</param>
    /// <param name="output">A seekable, writable stream; the image starts at its current position.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    public async Task<SquashfsImageInfo> WriteAsync(IReadOnlyRootFs tree, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!output.CanSeek || !output.CanWrite)
        {
            throw new ArgumentException("the output stream must be writable and seekable", nameof(output));
        }
        _options.Validate();
        var codec = BlockCodecs.Create(_options.Compression, _options.CompressionLevel, _options.Library);
        var nodes = WriterTree.Build(tree.Entries);
        long imageStart = output.Position;
        output.Write(new byte[SquashfsLayout.SuperblockSize]);
        bool options = CompressorOptions.Write(output, codec);

        var fragments = await WriteDataAsync(tree, nodes, output, imageStart, codec, cancellationToken).ConfigureAwait(false);

        var warnings = new List<string>();
        var ids = new IdTable();
        var xattrs = new XattrTableWriter(codec);
        var clamp = new TimeClamp(_options.SourceDateEpoch);
        var inodes = new InodeTableWriter(codec, ids, xattrs, clamp, _options.DirectoryIndex, warnings);
        ulong root = inodes.WriteTree(nodes);
        var tables = TableSetWriter.Write(output, imageStart, codec, new TableSet(inodes, fragments, nodes, ids, xattrs, _options.Exportable));

        long bytesUsed = output.Position - imageStart;
        long padded = (bytesUsed + SquashfsLayout.DevicePadding - 1) / SquashfsLayout.DevicePadding * SquashfsLayout.DevicePadding;
        output.Write(new byte[padded - bytesUsed]);
        var superblock = new Superblock(
            nodes.InodeCount, ModificationTime(nodes, clamp), (uint)_options.BlockSize, (uint)fragments.Count,
            (ushort)codec.Algorithm, Flags(options, xattrs.Count, fragments.Count), (ushort)ids.Ids.Count, root,
            (ulong)bytesUsed, tables.Ids, tables.Xattrs, tables.Inodes, tables.Directories, tables.Fragments, tables.Export);
        long end = output.Position;
        var raw = new byte[SquashfsLayout.SuperblockSize];
        superblock.Write(raw);
        output.Position = imageStart;
        await output.WriteAsync(raw, cancellationToken).ConfigureAwait(false);
        output.Position = end;
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new SquashfsImageInfo(padded, bytesUsed, nodes.InodeCount, fragments.Count, warnings);
    }

    private async Task<IReadOnlyList<FragmentEntry>> WriteDataAsync(
        IReadOnlyRootFs tree, WriterTree nodes, Stream output, long imageStart, IBlockCodec codec, CancellationToken cancellationToken)
    {
        var pipeline = new DataBlockPipeline(output, imageStart, codec, _options.EffectiveParallelism);
        var data = new FileDataWriter(pipeline, _options.BlockSize, _options.UseFragments, _options.PackTails, _options.Deduplicate);
        foreach (var file in nodes.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = file.Entry;
            if (entry.Size == 0)
            {
                file.Layout = new FileLayout(0, 0);
                continue;
            }
            var content = tree.OpenRead(entry.Path);
            await using (content.ConfigureAwait(false))
            {
                file.Layout = await data.WriteAsync(content, entry.Size, entry.Path, _options.Progress, cancellationToken).ConfigureAwait(false);
            }
        }
        await data.FinishAsync(cancellationToken).ConfigureAwait(false);
        await pipeline.DrainAsync(cancellationToken).ConfigureAwait(false);
        return data.Fragments;
    }

    private uint ModificationTime(WriterTree tree, TimeClamp clamp) =>
        clamp.ToSquashfs(_options.SourceDateEpoch ?? tree.Latest);

    private ushort Flags(bool compressorOptions, int xattrSets, int fragments)
    {
        ushort flags = 0;
        if (compressorOptions)
        {
            flags |= SquashfsLayout.FlagCompressorOptions;
        }
        if (xattrSets == 0)
        {
            flags |= SquashfsLayout.FlagNoXattrs;
        }
        if (_options.Exportable)
        {
            flags |= SquashfsLayout.FlagExportable;
        }
        if (_options.Deduplicate)
        {
            flags |= SquashfsLayout.FlagDuplicates;
        }
        if (!_options.UseFragments)
        {
            flags |= SquashfsLayout.FlagNoFragments;
        }
        else if (_options.PackTails && fragments > 0)
        {
            flags |= SquashfsLayout.FlagAlwaysFragments;
        }
        return flags;
    }
}
