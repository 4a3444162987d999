using System.Buffers.Binary;

namespace Boxer.Formats.Tar;

/// <summary>Numeric header fields: octal text, or GNU base-256 binary when the first byte has its high bit set.</summary>
internal static class TarNumber
{
    /// <summary>Parses a field; false when it is neither valid octal nor base-256.</summary>
    public static bool TryParse(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.IsEmpty)
        {
            return true;
        }
        return (field[0] & 0x80) != 0 ? TryParseBase256(field, out value) : TryParseOctal(field, out value);
    }

    private static bool TryParseOctal(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        int i = 0;
        while (i < field.Length && field[i] == (byte)' ')
        {
            i++;
        }
        for (; i < field.Length; i++)
        {
            byte b = field[i];
            if (b is 0 or (byte)' ')
            {
                break;
            }
            if (b is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                return false;
            }
            value = (value << 3) | (long)(b - '0');
        }
        // Only terminators may follow the digits.
        for (; i < field.Length; i++)
        {
            if (field[i] is not (0 or (byte)' '))
            {
                return false;
            }
        }
        return true;
    }

    // 0x80 then a big-endian positive number; 0xFF then a two's-complement negative one.
    private static bool TryParseBase256(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        bool negative = field[0] == 0xFF;
        if (!negative && field[0] != 0x80)
        {
            return false;
        }
        var digits = field[1..];
        int significant = digits.Length;
        while (significant > 8 && digits[digits.Length - significant] == (negative ? 0xFF : 0))
        {
            significant--;
        }
        if (significant > 8)
        {
            return false;
        }
        Span<byte> eight = stackalloc byte[8];
        eight.Fill(negative ? (byte)0xFF : (byte)0);
        digits[^significant..].CopyTo(eight[(8 - significant)..]);
        value = BinaryPrimitives.ReadInt64BigEndian(eight);
        return negative ? value < 0 : value >= 0;
    }
}
