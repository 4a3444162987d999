using System.Buffers.Binary;

namespace Boxer.Formats.Squashfs;

// The inode records of squashfs 4.0. Each inode is the 16-byte header followed by one of the bodies below;
// all fields are little-endian and packed. Grouped in one file because they are one table's vocabulary.

/// <summary>The header every inode starts with.</summary>
internal readonly record struct InodeHeader(
    InodeType Type, ushort Permissions, ushort UidIndex, ushort GidIndex, uint ModifiedTime, uint InodeNumber)
{
    public const int Size = 16;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)Type);
        BinaryPrimitives.WriteUInt16LittleEndian(b[2..], Permissions);
        BinaryPrimitives.WriteUInt16LittleEndian(b[4..], UidIndex);
        BinaryPrimitives.WriteUInt16LittleEndian(b[6..], GidIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], ModifiedTime);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], InodeNumber);
    }

    public static InodeHeader Read(ReadOnlySpan<byte> b) => new(
        (InodeType)BinaryPrimitives.ReadUInt16LittleEndian(b),
        BinaryPrimitives.ReadUInt16LittleEndian(b[2..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[4..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[6..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[12..]));
}

/// <summary>A basic directory: listing under 64 KiB, no xattrs, no index.</summary>
internal readonly record struct DirectoryInode(uint BlockIndex, uint LinkCount, ushort FileSize, ushort BlockOffset, uint ParentInode)
{
    public const int Size = 16;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, BlockIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], LinkCount);
        BinaryPrimitives.WriteUInt16LittleEndian(b[8..], FileSize);
        BinaryPrimitives.WriteUInt16LittleEndian(b[10..], BlockOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], ParentInode);
    }

    public static DirectoryInode Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b),
        BinaryPrimitives.ReadUInt32LittleEndian(b[4..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[10..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[12..]));
}

/// <summary>An extended directory: large listing, xattrs, and <see cref="IndexCount"/> index entries after it.</summary>
internal readonly record struct ExtendedDirectoryInode(
    uint LinkCount, uint FileSize, uint BlockIndex, uint ParentInode, ushort IndexCount, ushort BlockOffset, uint XattrIndex)
{
    public const int Size = 24;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, LinkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], FileSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], BlockIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], ParentInode);
        BinaryPrimitives.WriteUInt16LittleEndian(b[16..], IndexCount);
        BinaryPrimitives.WriteUInt16LittleEndian(b[18..], BlockOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[20..], XattrIndex);
    }

    public static ExtendedDirectoryInode Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b),
        BinaryPrimitives.ReadUInt32LittleEndian(b[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[12..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[16..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[18..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[20..]));
}

/// <summary>A basic file (followed by its block sizes): under 4 GiB, in the first 4 GiB, one link, no xattrs.</summary>
internal readonly record struct FileInode(uint BlocksStart, uint FragmentIndex, uint FragmentOffset, uint FileSize)
{
    public const int Size = 16;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, BlocksStart);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], FragmentIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], FragmentOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], FileSize);
    }

    public static FileInode Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b),
        BinaryPrimitives.ReadUInt32LittleEndian(b[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[12..]));
}

/// <summary>An extended file (followed by its block sizes): 64-bit sizes, link count, sparse bytes, xattrs.</summary>
internal readonly record struct ExtendedFileInode(
    ulong BlocksStart, ulong FileSize, ulong Sparse, uint LinkCount, uint FragmentIndex, uint FragmentOffset, uint XattrIndex)
{
    public const int Size = 40;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(b, BlocksStart);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], FileSize);
        BinaryPrimitives.WriteUInt64LittleEndian(b[16..], Sparse);
        BinaryPrimitives.WriteUInt32LittleEndian(b[24..], LinkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[28..], FragmentIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(b[32..], FragmentOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[36..], XattrIndex);
    }

    public static ExtendedFileInode Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(b),
        BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(b[16..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[28..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[32..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[36..]));
}
