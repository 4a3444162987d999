using System.Buffers.Binary;

namespace Boxer.Fuzz.Mutation;

/// <summary>
/// ELF-aware mutations: identity bytes (class, data), type and machine, the section table's offset and count,
/// a section header made an <c>.ARM.attributes</c> one with wild offset or size, and the attribute bytes' ULEB128s.
/// </summary>
public static class ElfMutator
{
    private const int ShOffField = 0x20;
    private const int ShNumField = 0x30;
    private const int SectionHeaderLength = 40;

    /// <summary>One ELF-aware mutation, or a generic one.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        if (input.Length < 0x34 || random.Next(5) == 0)
        {
            return ByteMutator.Mutate(input, random);
        }
        return random.Next(5) switch
        {
            0 => ByteMutator.WithInteger(input, random.Next(2) == 0 ? 4 : 5, random, 1),
            1 => ByteMutator.WithInteger(input, random.Next(2) == 0 ? 16 : 18, random, 2),
            2 => ByteMutator.WithInteger(input, random.Next(2) == 0 ? ShOffField : ShNumField, random, random.Next(2) == 0 ? 4 : 2),
            3 => Section(input, random),
            _ => Attributes(input, random),
        };
    }

    private static byte[] Section(byte[] input, Random random)
    {
        uint table = BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(ShOffField));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(input.AsSpan(ShNumField));
        if (count == 0 || table + (long)count * SectionHeaderLength > input.Length)
        {
            return ByteMutator.Mutate(input, random);
        }
        int at = (int)table + random.Next(count) * SectionHeaderLength;
        var copy = input.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at + 4), 0x70000003);
        return ByteMutator.WithInteger(copy, at + (random.Next(2) == 0 ? 16 : 20), random, 4);
    }

    private static byte[] Attributes(byte[] input, Random random)
    {
        int at = input.AsSpan().IndexOf("aeabi\0"u8);
        if (at < 0)
        {
            return ByteMutator.Mutate(input, random);
        }
        var copy = input.ToArray();
        // "aeabi" may sit near the start of an already mutated input: keep the byte inside the array.
        int target = Math.Clamp(at + random.Next(24) - 5, 0, copy.Length - 1);
        copy[target] = random.Next(3) == 0 ? (byte)0x80 : random.Next(2) == 0 ? (byte)0xFF : (byte)random.Next(256);
        if (random.Next(3) == 0)
        {
            // A ULEB128 that never ends.
            copy.AsSpan(target).Fill(0x80);
        }
        return copy;
    }
}
