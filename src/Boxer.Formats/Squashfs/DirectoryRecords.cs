using System.Buffers.Binary;

namespace Boxer.Formats.Squashfs;

// The directory table's records: a listing is runs of (header, up to 256 entries); an extended directory
// inode is followed by index entries pointing at headers that start new metadata blocks.

/// <summary>Starts a run of entries whose inodes share one inode-table block.</summary>
internal readonly record struct DirectoryHeader(uint CountMinusOne, uint Start, uint InodeNumber)
{
    public const int Size = SquashfsLayout.DirectoryHeaderSize;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, CountMinusOne);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], Start);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], InodeNumber);
    }

    public static DirectoryHeader Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b),
        BinaryPrimitives.ReadUInt32LittleEndian(b[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
}

/// <summary>One name in a run (followed by <c>NameSizeMinusOne + 1</c> name bytes).</summary>
internal readonly record struct DirectoryEntry(ushort Offset, short InodeDelta, ushort Type, ushort NameSizeMinusOne)
{
    public const int Size = SquashfsLayout.DirectoryEntrySize;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b, Offset);
        BinaryPrimitives.WriteInt16LittleEndian(b[2..], InodeDelta);
        BinaryPrimitives.WriteUInt16LittleEndian(b[4..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(b[6..], NameSizeMinusOne);
    }

    public static DirectoryEntry Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(b),
        BinaryPrimitives.ReadInt16LittleEndian(b[2..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[4..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[6..]));
}

/// <summary>Points a lookup at a header (followed by the first entry's name bytes).</summary>
/// <param name="Index">Byte offset of the header within the directory's listing.</param>
/// <param name="Start">Start of the directory-table block holding the header, relative to the table.</param>
/// <param name="NameSizeMinusOne">Length of the name that follows, minus one.</param>
internal readonly record struct DirectoryIndexEntry(uint Index, uint Start, uint NameSizeMinusOne)
{
    public const int Size = SquashfsLayout.DirectoryIndexSize;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, Index);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], Start);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], NameSizeMinusOne);
    }
}
