using System.Buffers.Binary;
using System.Numerics;

namespace Boxer.Formats.Squashfs;

/// <summary>The 96-byte squashfs superblock at offset 0 of the image.</summary>
internal readonly partial record struct Superblock(
    uint InodeCount,
    uint ModificationTime,
    uint BlockSize,
    uint FragmentCount,
    ushort Compressor,
    ushort Flags,
    ushort IdCount,
    ulong RootInode,
    ulong BytesUsed,
    ulong IdTable,
    ulong XattrTable,
    ulong InodeTable,
    ulong DirectoryTable,
    ulong FragmentTable,
    ulong ExportTable)
{
    private const int MagicOffset = 0;
    private const int InodeCountOffset = 4;
    private const int ModificationTimeOffset = 8;
    private const int BlockSizeOffset = 12;
    private const int FragmentCountOffset = 16;
    private const int CompressorOffset = 20;
    private const int BlockLogOffset = 22;
    private const int FlagsOffset = 24;
    private const int IdCountOffset = 26;
    private const int VersionMajorOffset = 28;
    private const int VersionMinorOffset = 30;
    private const int RootInodeOffset = 32;
    private const int BytesUsedOffset = 40;
    private const int IdTableOffset = 48;
    private const int XattrTableOffset = 56;
    private const int InodeTableOffset = 64;
    private const int DirectoryTableOffset = 72;
    private const int FragmentTableOffset = 80;
    private const int ExportTableOffset = 88;

    public ushort BlockLog => (ushort)BitOperations.Log2(BlockSize);

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b[MagicOffset..], SquashfsLayout.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(b[InodeCountOffset..], InodeCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[ModificationTimeOffset..], ModificationTime);
        BinaryPrimitives.WriteUInt32LittleEndian(b[BlockSizeOffset..], BlockSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b[FragmentCountOffset..], FragmentCount);
        BinaryPrimitives.WriteUInt16LittleEndian(b[CompressorOffset..], Compressor);
        BinaryPrimitives.WriteUInt16LittleEndian(b[BlockLogOffset..], BlockLog);
        BinaryPrimitives.WriteUInt16LittleEndian(b[FlagsOffset..], Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(b[IdCountOffset..], IdCount);
        BinaryPrimitives.WriteUInt16LittleEndian(b[VersionMajorOffset..], SquashfsLayout.VersionMajor);
        BinaryPrimitives.WriteUInt16LittleEndian(b[VersionMinorOffset..], SquashfsLayout.VersionMinor);
        BinaryPrimitives.WriteUInt64LittleEndian(b[RootInodeOffset..], RootInode);
        BinaryPrimitives.WriteUInt64LittleEndian(b[BytesUsedOffset..], BytesUsed);
        BinaryPrimitives.WriteUInt64LittleEndian(b[IdTableOffset..], IdTable);
        BinaryPrimitives.WriteUInt64LittleEndian(b[XattrTableOffset..], XattrTable);
        BinaryPrimitives.WriteUInt64LittleEndian(b[InodeTableOffset..], InodeTable);
        BinaryPrimitives.WriteUInt64LittleEndian(b[DirectoryTableOffset..], DirectoryTable);
        BinaryPrimitives.WriteUInt64LittleEndian(b[FragmentTableOffset..], FragmentTable);
        BinaryPrimitives.WriteUInt64LittleEndian(b[ExportTableOffset..], ExportTable);
    }

    public static Superblock Read(ReadOnlySpan<byte> b)
    {
        if (b.Length < SquashfsLayout.SuperblockSize || BinaryPrimitives.ReadUInt32LittleEndian(b) != SquashfsLayout.Magic)
        {
            throw new SquashfsException("not a squashfs image (bad magic)");
        }
        if (BinaryPrimitives.ReadUInt16LittleEndian(b[VersionMajorOffset..]) != SquashfsLayout.VersionMajor)
        {
            throw new SquashfsException("unsupported squashfs version (only 4.0 is read)");
        }
        uint blockSize = BinaryPrimitives.ReadUInt32LittleEndian(b[BlockSizeOffset..]);
        int blockLog = BinaryPrimitives.ReadUInt16LittleEndian(b[BlockLogOffset..]);
        if (blockSize is < 1u << SquashfsLayout.MinBlockLog or > 1u << SquashfsLayout.MaxBlockLog || !BitOperations.IsPow2(blockSize)
            || blockLog != BitOperations.Log2(blockSize))
        {
            throw new SquashfsException($"damaged image: block size {blockSize} (log {blockLog}) is not a power of two from 4 KiB to 1 MiB");
        }
        return new Superblock(
            BinaryPrimitives.ReadUInt32LittleEndian(b[InodeCountOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[ModificationTimeOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[BlockSizeOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[FragmentCountOffset..]),
            BinaryPrimitives.ReadUInt16LittleEndian(b[CompressorOffset..]),
            BinaryPrimitives.ReadUInt16LittleEndian(b[FlagsOffset..]),
            BinaryPrimitives.ReadUInt16LittleEndian(b[IdCountOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[RootInodeOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[BytesUsedOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[IdTableOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[XattrTableOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[InodeTableOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[DirectoryTableOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[FragmentTableOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[ExportTableOffset..]));
    }
}
