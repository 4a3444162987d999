using System.Buffers.Binary;

namespace Boxer.Core.Stage;

/// <summary>
/// The variant (v5, v6, v7, v8) of a 32-bit little-endian ARM ELF file, from Tag_CPU_arch in its
/// <c>.ARM.attributes</c> section. Section headers are 40 bytes at e_shoff (e_shnum of them); the
/// attributes section is 'A', then "aeabi" subsections of ULEB128 tag/value pairs.
/// </summary>
internal static class ArmVariantReader
{
    private const int SectionHeaderOffsetField = 0x20;
    private const int SectionCountField = 0x30;
    private const int SectionHeaderLength = 40;
    private const int SectionTypeField = 4;
    private const int SectionOffsetField = 16;
    private const int SectionSizeField = 20;
    private const uint ArmAttributesType = 0x70000003;
    private const int MaxAttributesLength = 1 << 16;
    private const ulong TagCpuArch = 6;

    public static string? Read(Stream elf)
    {
        var header = ReadAt(elf, 0, 0x34);
        if (header is null)
        {
            return null;
        }
        long tableOffset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(SectionHeaderOffsetField));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(SectionCountField));
        var table = ReadAt(elf, tableOffset, count * SectionHeaderLength);
        for (int i = 0; table is not null && i < count; i++)
        {
            var section = table.AsSpan(i * SectionHeaderLength, SectionHeaderLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(section[SectionTypeField..]) != ArmAttributesType)
            {
                continue;
            }
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(section[SectionOffsetField..]);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(section[SectionSizeField..]), MaxAttributesLength);
            return ReadAt(elf, offset, size) is { } attributes && CpuArch(attributes) is { } arch ? Variant(arch) : null;
        }
        return null;
    }

    private static string Variant(ulong cpuArch) => cpuArch switch
    {
        <= 5 => "v5",
        10 or 13 => "v7",
        >= 14 => "v8",
        _ => "v6",
    };

    // 'A', then subsections: u32 length, vendor name, then tag 1 (file) with u32 size and the attributes.
    // Every length comes from the file, so every index is checked: a section may be cut anywhere.
    private static ulong? CpuArch(byte[] data)
    {
        const int vendorStart = 1 + 4;
        if (data.Length <= vendorStart || data[0] != (byte)'A')
        {
            return null;
        }
        int pos = vendorStart;
        int vendorEnd = Array.IndexOf(data, (byte)0, pos);
        if (vendorEnd < 0 || !data.AsSpan(pos, vendorEnd - pos).SequenceEqual("aeabi"u8))
        {
            return null;
        }
        pos = vendorEnd + 1 + 1 + 4;
        while (pos < data.Length)
        {
            ulong tag = Uleb(data, ref pos);
            if (tag == TagCpuArch)
            {
                return Uleb(data, ref pos);
            }
            if (tag == 32)
            {
                Uleb(data, ref pos);
                SkipString(data, ref pos);
            }
            else if (tag is 4 or 5 or 67 || (tag > 32 && tag % 2 == 1))
            {
                SkipString(data, ref pos);
            }
            else
            {
                Uleb(data, ref pos);
            }
        }
        return null;
    }

    private static ulong Uleb(byte[] data, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; pos < data.Length && shift < 64; shift += 7)
        {
            byte b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        return value;
    }

    private static void SkipString(byte[] data, ref int pos)
    {
        int end = Array.IndexOf(data, (byte)0, pos);
        pos = end < 0 ? data.Length : end + 1;
    }

    private static byte[]? ReadAt(Stream stream, long offset, int length)
    {
        if (offset < 0 || length <= 0 || offset > stream.Length - length)
        {
            return null;
        }
        stream.Position = offset;
        var bytes = new byte[length];
        return stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false) == length ? bytes : null;
    }
}
