using System.Buffers.Binary;

namespace Boxer.Fuzz.Mutation;

/// <summary>SIF-aware mutations: header counts and offsets, descriptor fields, or the primary partition's squashfs.</summary>
public static class SifMutator
{
    private const int DescriptorsStart = 4096;
    private const int DescriptorSize = 585;
    private static readonly int[] HeaderFields = [64, 72, 80, 88, 96, 104, 112, 120];
    private static readonly (int Offset, int Width)[] DescriptorFields = [(0, 4), (4, 1), (5, 4), (9, 4), (13, 4), (17, 8), (25, 8), (33, 8), (201, 4), (205, 4)];

    /// <summary>One SIF-aware mutation, or a generic one.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        if (input.Length < DescriptorsStart + DescriptorSize || random.Next(8) == 0)
        {
            return ByteMutator.Mutate(input, random);
        }
        switch (random.Next(3))
        {
            case 0:
                return ByteMutator.WithInteger(input, HeaderFields[random.Next(HeaderFields.Length)], random, 8);
            case 1:
                var (offset, width) = DescriptorFields[random.Next(DescriptorFields.Length)];
                return ByteMutator.WithInteger(input, DescriptorsStart + random.Next(4) * DescriptorSize + offset, random, width);
            default:
                int partition = input.AsSpan().IndexOf("hsqs"u8);
                return partition < 0 ? ByteMutator.Mutate(input, random) : SquashfsMutator.Mutate(input, random, partition);
        }
    }

    /// <summary>The offset of the first descriptor's object, for tests.</summary>
    public static long FirstObjectOffset(byte[] sif) => BinaryPrimitives.ReadInt64LittleEndian(sif.AsSpan(DescriptorsStart + 17));
}
