using System.Buffers.Binary;

namespace Boxer.Formats.Squashfs;

/// <summary>A fragment-table entry: where a fragment block is and its on-disk size (bit 24 = stored raw).</summary>
internal readonly record struct FragmentEntry(ulong Start, uint Size)
{
    public const int Length = SquashfsLayout.FragmentEntrySize;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(b, Start);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], Size);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], 0);
    }

    public static FragmentEntry Read(ReadOnlySpan<byte> b) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(b), BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
}

/// <summary>An xattr-id entry: where an inode's key/value set starts, how many pairs, how many bytes.</summary>
internal readonly record struct XattrIdEntry(ulong Reference, uint Count, uint Size)
{
    public const int Length = SquashfsLayout.XattrIdEntrySize;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(b, Reference);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], Count);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], Size);
    }

    public static XattrIdEntry Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(b),
        BinaryPrimitives.ReadUInt32LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[12..]));
}

/// <summary>The uncompressed header the superblock's xattr pointer names, followed by the id-table block locations.</summary>
internal readonly record struct XattrTableHeader(ulong KeyValueStart, uint IdCount)
{
    public const int Length = SquashfsLayout.XattrTableHeaderSize;

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(b, KeyValueStart);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], IdCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], 0);
    }

    public static XattrTableHeader Read(ReadOnlySpan<byte> b) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(b), BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
}
