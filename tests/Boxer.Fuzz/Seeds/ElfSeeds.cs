using System.Buffers.Binary;

namespace Boxer.Fuzz.Seeds;

/// <summary>Small ELF files: an ARM executable with a <c>.ARM.attributes</c> section, and bare headers of other machines.</summary>
public static class ElfSeeds
{
    /// <summary>Every seed.</summary>
    public static IReadOnlyList<byte[]> All { get; } =
        [Arm(10), Header(62, is64: true), Header(183, is64: true), Header(8, is64: false, bigEndian: true), Header(3, is64: false)];

    /// <summary>A bare ELF header of <paramref name="machine"/>.</summary>
    public static byte[] Header(ushort machine, bool is64, bool bigEndian = false)
    {
        var elf = new byte[64];
        elf[0] = 0x7F;
        "ELF"u8.CopyTo(elf.AsSpan(1));
        elf[4] = (byte)(is64 ? 2 : 1);
        elf[5] = (byte)(bigEndian ? 2 : 1);
        elf[6] = 1;
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(elf.AsSpan(16), 2);
            BinaryPrimitives.WriteUInt16BigEndian(elf.AsSpan(18), machine);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(16), 2);
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(18), machine);
        }
        return elf;
    }

    /// <summary>A 32-bit ARM executable whose attributes say Tag_CPU_arch = <paramref name="cpuArch"/>.</summary>
    public static byte[] Arm(byte cpuArch)
    {
        byte[] attributes = [(byte)'A', 0, 0, 0, 0, .. "aeabi\0"u8, 1, 0, 0, 0, 0, 5, .. "7-A\0"u8, 32, 1, .. "x\0"u8, 6, cpuArch, 7, (byte)'A'];
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
        BinaryPrimitives.WriteUInt32LittleEndian(section[20..], (uint)attributes.Length);
        return elf;
    }
}
