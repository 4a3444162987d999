using System.Buffers.Binary;

namespace Boxer.Fuzz.Mutation;

/// <summary>
/// Squashfs-aware mutations of an image starting at <c>start</c>: a superblock field set to an interesting value,
/// a metadata block header or table pointer at one of the tables the superblock names, bytes inside a table.
/// </summary>
public static class SquashfsMutator
{
    private static readonly (int Offset, int Width)[] SuperblockFields =
    [
        (4, 4), (12, 4), (16, 4), (20, 2), (22, 2), (24, 2), (26, 2), (28, 2), (32, 8), (40, 8), (48, 8), (56, 8), (64, 8), (72, 8),
        (80, 8), (88, 8),
    ];

    private static readonly int[] TableFields = [48, 56, 64, 72, 80, 88];

    /// <summary>One squashfs-aware mutation of the image at <paramref name="start"/> in <paramref name="input"/>, or a generic one.</summary>
    public static byte[] Mutate(byte[] input, Random random, int start = 0)
    {
        if (input.Length < start + 96 || random.Next(6) == 0)
        {
            return ByteMutator.Mutate(input, random);
        }
        if (random.Next(2) == 0)
        {
            var (offset, width) = SuperblockFields[random.Next(SuperblockFields.Length)];
            return ByteMutator.WithInteger(input, start + offset, random, width);
        }
        ulong table = BinaryPrimitives.ReadUInt64LittleEndian(input.AsSpan(start + TableFields[random.Next(TableFields.Length)]));
        if (table >= (ulong)(input.Length - start))
        {
            return ByteMutator.Mutate(input, random);
        }
        int at = start + (int)table;
        // The inode and directory tables are block streams (2-byte headers); the others start with 8-byte pointers.
        int near = Math.Min(input.Length - 1, at + random.Next(256));
        return random.Next(3) switch
        {
            0 => ByteMutator.WithInteger(input, at, random, 2),
            1 => ByteMutator.WithInteger(input, at, random, 8),
            _ => ByteMutator.WithInteger(input, near, random),
        };
    }
}
