using System.Buffers.Binary;

namespace Boxer.Formats.Sif;

/// <summary>One 585-byte SIF descriptor: what an object is and where its bytes are.</summary>
/// <param name="DataType">The object's type.</param>
/// <param name="Id">1-based object ID.</param>
/// <param name="GroupId">The group number (stored with the 0xF0000000 mask), 0 for none.</param>
/// <param name="LinkedId">The linked object or group (0 for none).</param>
/// <param name="Offset">File offset of the object's bytes.</param>
/// <param name="Size">The object's length.</param>
/// <param name="SizeWithPadding">The alignment gap before the object plus its length.</param>
/// <param name="Created">Unix seconds.</param>
/// <param name="Modified">Unix seconds.</param>
/// <param name="Name">The object's name, at most 127 bytes.</param>
/// <param name="Extra">The 384 type-specific bytes (partition fs type, partition type, arch).</param>
public sealed record SifDescriptor(
    SifDataType DataType, uint Id, uint GroupId, uint LinkedId, long Offset, long Size, long SizeWithPadding,
    long Created, long Modified, string Name, byte[] Extra)
{
    /// <summary>For a partition: the filesystem type (1 = squashfs).</summary>
    public int PartitionFsType => BinaryPrimitives.ReadInt32LittleEndian(Extra.AsSpan(SifLayout.PartitionFsTypeOffset));

    /// <summary>For a partition: the partition type (2 = primary system).</summary>
    public int PartitionType => BinaryPrimitives.ReadInt32LittleEndian(Extra.AsSpan(SifLayout.PartitionTypeOffset));

    /// <summary>For a partition: the two-digit architecture code.</summary>
    public string PartitionArch => SifHeader.CString(Extra.AsSpan(SifLayout.PartitionArchOffset, SifLayout.ArchSize));

    internal void Write(Span<byte> b)
    {
        b[..SifLayout.DescriptorSize].Clear();
        BinaryPrimitives.WriteInt32LittleEndian(b[SifLayout.DescriptorTypeOffset..], (int)DataType);
        b[SifLayout.DescriptorUsedOffset] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(b[SifLayout.DescriptorIdOffset..], Id);
        BinaryPrimitives.WriteUInt32LittleEndian(b[SifLayout.DescriptorGroupOffset..], GroupId == 0 ? 0 : GroupId | SifLayout.GroupMask);
        BinaryPrimitives.WriteUInt32LittleEndian(b[SifLayout.DescriptorLinkOffset..], LinkedId);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorOffsetOffset..], Offset);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorSizeOffset..], Size);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorPaddedSizeOffset..], SizeWithPadding);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorCreatedOffset..], Created);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorModifiedOffset..], Modified);
        SifHeader.Ascii(b.Slice(SifLayout.DescriptorNameOffset, SifLayout.DescriptorNameSize), Name);
        Extra.AsSpan(0, Math.Min(Extra.Length, SifLayout.DescriptorExtraSize)).CopyTo(b[SifLayout.DescriptorExtraOffset..]);
    }

    /// <summary>Reads a descriptor slot; null when the slot is unused.</summary>
    internal static SifDescriptor? Read(ReadOnlySpan<byte> b)
    {
        if (b[SifLayout.DescriptorUsedOffset] == 0)
        {
            return null;
        }
        return new SifDescriptor(
            (SifDataType)BinaryPrimitives.ReadInt32LittleEndian(b[SifLayout.DescriptorTypeOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[SifLayout.DescriptorIdOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[SifLayout.DescriptorGroupOffset..]) & ~SifLayout.GroupMask,
            BinaryPrimitives.ReadUInt32LittleEndian(b[SifLayout.DescriptorLinkOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorOffsetOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorSizeOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorPaddedSizeOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorCreatedOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorModifiedOffset..]),
            SifHeader.CString(b.Slice(SifLayout.DescriptorNameOffset, SifLayout.DescriptorNameSize)),
            b.Slice(SifLayout.DescriptorExtraOffset, SifLayout.DescriptorExtraSize).ToArray());
    }
}
