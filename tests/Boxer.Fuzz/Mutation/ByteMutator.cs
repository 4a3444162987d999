using System.Buffers.Binary;

namespace Boxer.Fuzz.Mutation;

/// <summary>Format-blind mutations: bit flips, interesting integers, inserted, deleted, duplicated and cut ranges.</summary>
public static class ByteMutator
{
    /// <summary>Values that break parsers: zero, one, sign and width edges, and "near 2^63".</summary>
    public static readonly ulong[] Interesting =
    [
        0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
        0x100000000, (1UL << 62), (1UL << 63) - 8, 1UL << 63, ulong.MaxValue - 1, ulong.MaxValue,
    ];

    /// <summary>One random generic mutation of <paramref name="input"/> (a new array).</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return [(byte)random.Next(256)];
        }
        var bytes = input.ToList();
        switch (random.Next(8))
        {
            case 0:
                bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[random.Next(bytes.Count)] = (byte)Interesting[random.Next(Interesting.Length)];
                break;
            case 2:
                return WithInteger(input, random.Next(input.Length), random);
            case 3:
                int at = random.Next(bytes.Count);
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                break;
            case 4:
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Range(0, 1 + random.Next(64)).Select(_ => (byte)random.Next(256)));
                break;
            case 5:
                int from = random.Next(bytes.Count);
                var chunk = bytes.GetRange(from, Math.Min(bytes.Count - from, 1 + random.Next(512)));
                bytes.InsertRange(random.Next(bytes.Count + 1), chunk);
                break;
            case 6:
                return input[..random.Next(input.Length)];
            default:
                int start = random.Next(bytes.Count);
                for (int i = start; i < Math.Min(bytes.Count, start + 1 + random.Next(16)); i++)
                {
                    bytes[i] = (byte)random.Next(256);
                }
                break;
        }
        return [.. bytes];
    }

    /// <summary>A copy with an interesting little-endian integer of 1, 2, 4 or 8 bytes at <paramref name="offset"/>.</summary>
    public static byte[] WithInteger(byte[] input, int offset, Random random, int width = 0)
    {
        var copy = input.ToArray();
        width = width != 0 ? width : 1 << random.Next(4);
        if (offset < 0 || offset + width > copy.Length)
        {
            return copy;
        }
        ulong value = random.Next(4) == 0
            ? (ulong)input.Length + (ulong)random.Next(-2, 3)
            : Interesting[random.Next(Interesting.Length)];
        if (random.Next(4) == 0)
        {
            value = ReadLittleEndian(copy, offset, width) + (ulong)random.Next(-3, 4);
        }
        var span = copy.AsSpan(offset, width);
        switch (width)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(span, value); break;
        }
        return copy;
    }

    private static ulong ReadLittleEndian(byte[] bytes, int offset, int width) => width switch
    {
        1 => bytes[offset],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset)),
    };
}
