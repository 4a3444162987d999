using System.Buffers.Binary;

namespace Boxer.Core.Tests.Stage;

/// <summary>Minimal ELF headers (and an ARM one with a .ARM.attributes section) for the detection tests.</summary>
internal static class ElfImages
{
    public static byte[] Header(ushort machine, bool is64, bool bigEndian = false, ushort type = 2)
    {
        var elf = new byte[64];
        elf[0] = 0x7F;
        "ELF"u8.CopyTo(elf.AsSpan(1));
        elf[4] = (byte)(is64 ? 2 : 1);
        elf[5] = (byte)(bigEndian ? 2 : 1);
        elf[6] = 1;
        Write16(elf, 16, type, bigEndian);
        Write16(elf, 18, machine, bigEndian);
        return elf;
    }

    /// <summary>
    /// A 32-bit ARM executable whose attributes say Tag_CPU_arch = <paramref name="cpuArch"/>; the section
    /// header may claim only the first <paramref name="sectionLength"/> bytes of them.
    /// </summary>
    public static byte[] Arm(byte cpuArch, int? sectionLength = null)
    {
        byte[] attributes = [(byte)'A', 0, 0, 0, 0, .. "aeabi\0"u8, 1, 0, 0, 0, 0, 5, .. "7-A\0"u8, 6, cpuArch, 7, (byte)'A'];
        BinaryPrimitives.WriteUInt32LittleEndian(attributes.AsSpan(1), (uint)(attributes.Length - 1));
        var elf = new byte[0x34 + attributes.Length + 2 * 40];
        Header(40, is64: false).AsSpan(0, 0x34).CopyTo(elf);
        int attributesAt = 0x34, tableAt = 0x34 + attributes.Length;
        attributes.CopyTo(elf, attributesAt);
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(0x20), (uint)tableAt);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x30), 2);
        var section = elf.AsSpan(tableAt + 40, 40);
        BinaryPrimitives.WriteUInt32LittleEndian(section[4..], 0x70000003);
        BinaryPrimitives.WriteUInt32LittleEndian(section[16..], (uint)attributesAt);
        BinaryPrimitives.WriteUInt32LittleEndian(section[20..], (uint)(sectionLength ?? attributes.Length));
        return elf;
    }

    private static void Write16(byte[] elf, int offset, ushort value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(elf.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(offset), value);
        }
    }
}
