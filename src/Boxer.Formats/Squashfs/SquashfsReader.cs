using System.Buffers.Binary;
using Boxer.Abstractions;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Reads a squashfs 4.0 image: superblock facts, every entry with its metadata and xattrs, and file
/// content. Enough for tests and for inspecting a SIF's partition; not a general-purpose driver.
/// </summary>
public sealed partial class SquashfsReader : IDisposable
{
    private readonly Stream _image;
    private readonly long _start;
    private readonly bool _leaveOpen;
    private readonly Superblock _superblock;
    private readonly IBlockCodec _codec;
    private readonly MetadataReader _metadata;
    private readonly uint[] _ids;

    /// <summary>Opens an image that starts at <paramref name="offset"/> in <paramref name="image"/>.</summary>
    /// <param name="image">A readable, seekable stream.</param>
    /// <param name="offset">Where the image starts, e.g. a SIF partition's offset.</param>
    /// <param name="leaveOpen">Keep the stream open when the reader is disposed.</param>
    public SquashfsReader(Stream image, long offset = 0, bool leaveOpen = false)
    {
        _image = image;
        _start = offset;
        _leaveOpen = leaveOpen;
        long available = image.Length - offset;
        if (offset < 0 || available < SquashfsLayout.SuperblockSize)
        {
            throw new SquashfsException($"truncated image: {Math.Max(available, 0)} bytes, less than a superblock");
        }
        var raw = new byte[SquashfsLayout.SuperblockSize];
        image.Position = offset;
        image.ReadExactly(raw);
        _superblock = Superblock.Read(raw);
        _superblock.Check(available);
        var algorithm = (BlockCompression)_superblock.Compressor;
        if (algorithm is not (BlockCompression.Gzip or BlockCompression.Zstd))
        {
            throw new SquashfsException($"unsupported squashfs compressor id {_superblock.Compressor}");
        }
        _codec = BlockCodecs.Create(algorithm);
        // Nothing the image describes lies past the bytes it says it uses (a SIF partition may be padded).
        _metadata = new MetadataReader(image, offset, (long)_superblock.BytesUsed, _codec);
        Summary = ReadSummary(algorithm);
        _ids = ReadIds();
    }

    /// <summary>The superblock facts.</summary>
    public SquashfsSummary Summary { get; }

    /// <summary>Opens an image file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="offset">Where the image starts within it.</param>
    /// <returns>The reader.</returns>
    public static SquashfsReader Open(string path, long offset = 0) => new(File.OpenRead(path), offset);

    /// <summary>Every entry, root first, depth first, names in stored (byte) order.</summary>
    public IEnumerable<SquashfsEntry> Entries
    {
        get
        {
            var firstNames = new Dictionary<uint, string>();
            var directories = new HashSet<ulong>();
            var pending = new Stack<(string Path, ulong Reference)>();
            pending.Push(("", _superblock.RootInode));
            while (pending.TryPop(out var item))
            {
                var inode = ReadInode(item.Reference, item.Path);
                var entry = inode.Entry;
                if (entry.Entry.Kind == EntryKind.File && entry.LinkCount > 1)
                {
                    if (firstNames.TryGetValue(entry.InodeNumber, out var first))
                    {
                        entry = entry with { Entry = entry.Entry with { Kind = EntryKind.HardLink, LinkTarget = first } };
                    }
                    else
                    {
                        firstNames[entry.InodeNumber] = item.Path;
                    }
                }
                yield return entry;
                if (inode.Listing is { } listing)
                {
                    // Every directory is one inode, listed once: a second visit is a loop, more than the inode count a lie.
                    if (!directories.Add(item.Reference) || directories.Count > _superblock.InodeCount)
                    {
                        throw new SquashfsException($"damaged image: directory '{item.Path}' contains itself");
                    }
                    foreach (var child in Enumerable.Reverse(ReadListing(listing)))
                    {
                        pending.Push((item.Path.Length == 0 ? child.Name : item.Path + "/" + child.Name, child.Reference));
                    }
                }
            }
        }
    }

    /// <summary>Reads the whole content of a file entry.</summary>
    /// <param name="entry">A file or hard-link entry from <see cref="Entries"/>.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="SquashfsException">The image is damaged, or the file is too large for one array.</exception>
    public byte[] ReadContent(SquashfsEntry entry)
    {
        var data = entry.Data ?? throw new InvalidOperationException($"'{entry.Entry.Path}' has no content");
        if (data.Size > Array.MaxLength)
        {
            throw new SquashfsException($"'{entry.Entry.Path}' has {data.Size} bytes, too many to read into memory") { EntryPath = entry.Entry.Path };
        }
        var result = new byte[data.Size];
        int blockSize = (int)_superblock.BlockSize;
        long position = data.BlocksStart;
        var sizes = ReadBlockSizes(data);
        for (int i = 0; i < sizes.Length; i++)
        {
            uint field = sizes[i];
            var target = result.AsSpan(i * blockSize, (int)Math.Min(blockSize, data.Size - (long)i * blockSize));
            if (field != 0)
            {
                int stored = StoredSize(field);
                DecodeBlock(_metadata.ReadRaw(position, stored), field, target, position);
                position += stored;
            }
        }
        if (data.FragmentIndex != SquashfsLayout.NoFragment)
        {
            ReadTail(data, result, sizes.Length * (long)blockSize);
        }
        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _image.Dispose();
        }
    }

    private void ReadTail(FileData data, byte[] result, long tailStart)
    {
        var fragment = FragmentEntry.Read(_metadata.ReadTableEntry(
            (long)_superblock.FragmentTable, data.FragmentIndex, _superblock.FragmentCount, FragmentEntry.Length, "fragment"));
        long tail = data.Size - tailStart;
        if (tail < 0 || data.FragmentOffset + tail > _superblock.BlockSize || fragment.Start >= _superblock.BytesUsed)
        {
            throw new SquashfsException($"damaged image: the tail of a {data.Size}-byte file does not fit its fragment");
        }
        var block = new byte[_superblock.BlockSize];
        DecodeBlock(_metadata.ReadRaw((long)fragment.Start, StoredSize(fragment.Size)), fragment.Size, block, (long)fragment.Start);
        block.AsSpan((int)data.FragmentOffset, (int)tail).CopyTo(result.AsSpan((int)tailStart));
    }

    private uint[] ReadBlockSizes(FileData data)
    {
        long block = data.ListBlock;
        int offset = data.ListOffset;
        var raw = _metadata.Read(ref block, ref offset, data.BlockCount * 4, Array.MaxLength, "block list");
        var sizes = new uint[data.BlockCount];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(i * 4));
        }
        return sizes;
    }

    private int StoredSize(uint field)
    {
        uint stored = field & SquashfsLayout.DataSizeMask;
        return stored <= _superblock.BlockSize
            ? (int)stored
            : throw new SquashfsException($"damaged image: a data block of {stored} bytes, more than the block size {_superblock.BlockSize}");
    }

    private void DecodeBlock(byte[] stored, uint field, Span<byte> target, long position)
    {
        if ((field & SquashfsLayout.DataUncompressedBit) != 0)
        {
            stored.AsSpan(0, Math.Min(stored.Length, target.Length)).CopyTo(target);
            return;
        }
        var buffer = new byte[_superblock.BlockSize];
        int n = _metadata.Decompress(stored, buffer, position);
        buffer.AsSpan(0, Math.Min(n, target.Length)).CopyTo(target);
    }

    private SquashfsSummary ReadSummary(BlockCompression algorithm)
    {
        int? level = null;
        if ((_superblock.Flags & SquashfsLayout.FlagCompressorOptions) != 0)
        {
            long block = SquashfsLayout.SuperblockSize;
            int offset = 0;
            level = CompressorOptions.ReadLevel(_metadata.Read(ref block, ref offset, 4));
        }
        return new SquashfsSummary(algorithm, level, (int)_superblock.BlockSize, _superblock.InodeCount, (long)_superblock.BytesUsed,
            _superblock.ModificationTime, _superblock.FragmentCount, (_superblock.Flags & SquashfsLayout.FlagExportable) != 0);
    }

    private uint[] ReadIds()
    {
        var bytes = _metadata.ReadTable((long)_superblock.IdTable, _superblock.IdCount * SquashfsLayout.IdEntrySize, "id table");
        return [.. Enumerable.Range(0, _superblock.IdCount).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4)))];
    }
}
