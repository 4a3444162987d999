using System.Buffers.Binary;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

// Decoding of inodes and directory listings.
public sealed partial class SquashfsReader
{
    private (SquashfsEntry Entry, Listing? Listing) ReadInode(ulong reference, string path)
    {
        long block = (long)_superblock.InodeTable + (long)(reference >> 16);
        int offset = (int)(reference & 0xFFFF);
        var header = InodeHeader.Read(_metadata.Read(ref block, ref offset, InodeHeader.Size));
        var entry = new FsEntry
        {
            Path = path,
            Kind = KindOf(header.Type),
            Mode = header.Permissions,
            Uid = (int)Id(header.UidIndex, path),
            Gid = (int)Id(header.GidIndex, path),
            ModifiedTime = new UnixTime(header.ModifiedTime),
        };
        return header.Type switch
        {
            InodeType.Directory => ReadDirectory(ref block, ref offset, entry, header),
            InodeType.ExtendedDirectory => ReadExtendedDirectory(ref block, ref offset, entry, header),
            InodeType.File or InodeType.ExtendedFile => (ReadFile(ref block, ref offset, entry, header), null),
            InodeType.Symlink or InodeType.ExtendedSymlink => (ReadSymlink(ref block, ref offset, entry, header), null),
            InodeType.BlockDevice or InodeType.CharDevice or InodeType.ExtendedBlockDevice or InodeType.ExtendedCharDevice =>
                (ReadDevice(ref block, ref offset, entry, header), null),
            _ => (ReadIpc(ref block, ref offset, entry, header), null),
        };
    }

    private (SquashfsEntry, Listing?) ReadDirectory(ref long block, ref int offset, FsEntry entry, InodeHeader header)
    {
        var body = DirectoryInode.Read(_metadata.Read(ref block, ref offset, DirectoryInode.Size));
        var listing = new Listing(body.BlockIndex, body.BlockOffset, body.FileSize);
        return (new SquashfsEntry(entry, header.InodeNumber, body.LinkCount), listing);
    }

    private (SquashfsEntry, Listing?) ReadExtendedDirectory(ref long block, ref int offset, FsEntry entry, InodeHeader header)
    {
        var body = ExtendedDirectoryInode.Read(_metadata.Read(ref block, ref offset, ExtendedDirectoryInode.Size));
        var listing = new Listing(body.BlockIndex, body.BlockOffset, body.FileSize);
        entry = entry with { Xattrs = ReadXattrs(body.XattrIndex) };
        return (new SquashfsEntry(entry, header.InodeNumber, body.LinkCount), listing);
    }

    private SquashfsEntry ReadFile(ref long block, ref int offset, FsEntry entry, InodeHeader header)
    {
        long start, size;
        uint fragment, fragmentOffset, links = 1, xattr = SquashfsLayout.NoXattr;
        if (header.Type == InodeType.File)
        {
            var body = FileInode.Read(_metadata.Read(ref block, ref offset, FileInode.Size));
            (start, size, fragment, fragmentOffset) = (body.BlocksStart, body.FileSize, body.FragmentIndex, body.FragmentOffset);
        }
        else
        {
            var body = ExtendedFileInode.Read(_metadata.Read(ref block, ref offset, ExtendedFileInode.Size));
            (start, size, fragment, fragmentOffset) = ((long)body.BlocksStart, (long)body.FileSize, body.FragmentIndex, body.FragmentOffset);
            (links, xattr) = (body.LinkCount, body.XattrIndex);
        }
        long blockSize = _superblock.BlockSize;
        if (size < 0 || start < 0 || start >= (long)_superblock.BytesUsed && size > 0)
        {
            throw new SquashfsException($"damaged image: '{entry.Path}' has {(ulong)size} bytes at offset {(ulong)start}") { EntryPath = entry.Path };
        }
        long count = fragment == SquashfsLayout.NoFragment ? (size + blockSize - 1) / blockSize : size / blockSize;
        if (count > Array.MaxLength / 4)
        {
            throw new SquashfsException($"damaged image: '{entry.Path}' has {size} bytes, more than squashfs can list") { EntryPath = entry.Path };
        }
        entry = entry with { Size = size, Xattrs = ReadXattrs(xattr) };
        return new SquashfsEntry(entry, header.InodeNumber, links) { Data = new FileData(start, size, block, offset, (int)count, fragment, fragmentOffset) };
    }

    private SquashfsEntry ReadSymlink(ref long block, ref int offset, FsEntry entry, InodeHeader header)
    {
        var fields = _metadata.Read(ref block, ref offset, 8);
        uint links = BinaryPrimitives.ReadUInt32LittleEndian(fields);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(fields.AsSpan(4));
        string target = Encoding.UTF8.GetString(_metadata.Read(ref block, ref offset, length, MaxSymlinkLength, $"symlink target of '{entry.Path}'"));
        uint xattr = header.Type == InodeType.ExtendedSymlink ? ReadUInt32(ref block, ref offset) : SquashfsLayout.NoXattr;
        return new SquashfsEntry(entry with { LinkTarget = target, Xattrs = ReadXattrs(xattr) }, header.InodeNumber, links);
    }

    private SquashfsEntry ReadDevice(ref long block, ref int offset, FsEntry entry, InodeHeader header)
    {
        uint links = ReadUInt32(ref block, ref offset);
        var (major, minor) = InodeFields.DecodeDevice(ReadUInt32(ref block, ref offset));
        bool extended = header.Type is InodeType.ExtendedBlockDevice or InodeType.ExtendedCharDevice;
        uint xattr = extended ? ReadUInt32(ref block, ref offset) : SquashfsLayout.NoXattr;
        return new SquashfsEntry(entry with { DeviceMajor = major, DeviceMinor = minor, Xattrs = ReadXattrs(xattr) }, header.InodeNumber, links);
    }

    private SquashfsEntry ReadIpc(ref long block, ref int offset, FsEntry entry, InodeHeader header)
    {
        uint links = ReadUInt32(ref block, ref offset);
        bool extended = header.Type is InodeType.ExtendedFifo or InodeType.ExtendedSocket;
        uint xattr = extended ? ReadUInt32(ref block, ref offset) : SquashfsLayout.NoXattr;
        return new SquashfsEntry(entry with { Xattrs = ReadXattrs(xattr) }, header.InodeNumber, links);
    }

    private List<(string Name, ulong Reference)> ReadListing(Listing listing)
    {
        var children = new List<(string, ulong)>();
        long block = (long)_superblock.DirectoryTable + listing.Block;
        int offset = listing.Offset;
        long remaining = listing.Size - SquashfsLayout.DirectorySizeBias;
        while (remaining > 0)
        {
            var header = DirectoryHeader.Read(_metadata.Read(ref block, ref offset, DirectoryHeader.Size));
            remaining -= DirectoryHeader.Size;
            if (header.CountMinusOne >= SquashfsLayout.MaxDirectoryHeaderEntries)
            {
                throw new SquashfsException($"damaged image: a directory header of {header.CountMinusOne + 1L} entries (at most 256)");
            }
            for (uint i = 0; i <= header.CountMinusOne; i++)
            {
                var entry = DirectoryEntry.Read(_metadata.Read(ref block, ref offset, DirectoryEntry.Size));
                if (entry.Offset >= SquashfsLayout.MetadataBlockSize)
                {
                    // Offsets past a block would give one inode several references, hiding a directory loop.
                    throw new SquashfsException($"damaged image: a directory entry points at offset {entry.Offset} of a metadata block");
                }
                string name = Encoding.UTF8.GetString(
                    _metadata.Read(ref block, ref offset, entry.NameSizeMinusOne + 1, SquashfsLayout.MaxNameLength, "directory entry name"));
                children.Add((name, ((ulong)header.Start << 16) | entry.Offset));
                remaining -= DirectoryEntry.Size + entry.NameSizeMinusOne + 1;
            }
        }
        return remaining == 0 ? children : throw new SquashfsException($"damaged image: a directory listing overruns its size {listing.Size}");
    }

    private uint Id(ushort index, string path) => index < _ids.Length
        ? _ids[index]
        : throw new SquashfsException($"damaged image: '{path}' uses id {index}, the id table has {_ids.Length}") { EntryPath = path };

    private uint ReadUInt32(ref long block, ref int offset) =>
        BinaryPrimitives.ReadUInt32LittleEndian(_metadata.Read(ref block, ref offset, 4));

    private static EntryKind KindOf(InodeType type) => type switch
    {
        InodeType.Directory or InodeType.ExtendedDirectory => EntryKind.Directory,
        InodeType.File or InodeType.ExtendedFile => EntryKind.File,
        InodeType.Symlink or InodeType.ExtendedSymlink => EntryKind.Symlink,
        InodeType.BlockDevice or InodeType.ExtendedBlockDevice => EntryKind.BlockDevice,
        InodeType.CharDevice or InodeType.ExtendedCharDevice => EntryKind.CharDevice,
        InodeType.Fifo or InodeType.ExtendedFifo => EntryKind.Fifo,
        InodeType.Socket or InodeType.ExtendedSocket => EntryKind.Socket,
        _ => throw new SquashfsException($"unknown inode type {(int)type}"),
    };

    /// <summary>PATH_MAX: the kernel refuses longer symlink targets.</summary>
    private const int MaxSymlinkLength = 4096;

    private readonly record struct Listing(uint Block, ushort Offset, uint Size);
}
