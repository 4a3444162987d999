using System.Buffers.Binary;

namespace Boxer.Formats.Squashfs;

/// <summary>Small field encoders shared by the inode writer and reader.</summary>
internal static class InodeFields
{
    public static void WriteUInt32(Span<byte> span, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(span, value);

    /// <summary>Linux's <c>new_encode_dev</c>: 12-bit major, 20-bit minor split around it.</summary>
    public static uint EncodeDevice(int major, int minor) =>
        (uint)((minor & 0xFF) | ((major & 0xFFF) << 8) | ((minor & ~0xFF) << 12));

    public static (int Major, int Minor) DecodeDevice(uint device) =>
        ((int)((device & 0xFFF00) >> 8), (int)((device & 0xFF) | ((device >> 12) & 0xFFF00)));
}
