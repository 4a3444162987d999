using System.Globalization;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>Decodes PAX values; every failure is a <see cref="FormatException"/> naming the keyword.</summary>
internal static class PaxText
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Utf8(ReadOnlySpan<byte> value, string keyword)
    {
        try
        {
            return StrictUtf8.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"PAX {keyword} is not valid UTF-8");
        }
    }

    public static long Integer(ReadOnlySpan<byte> value, string keyword) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new FormatException($"PAX {keyword} is not a number");

    /// <summary>Parses <c>seconds[.fraction]</c>, possibly negative, keeping nanoseconds.</summary>
    public static UnixTime Time(ReadOnlySpan<byte> value, string keyword)
    {
        bool negative = !value.IsEmpty && value[0] == (byte)'-';
        var digits = negative ? value[1..] : value;
        int dot = digits.IndexOf((byte)'.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            throw new FormatException($"PAX {keyword} is not a time");
        }
        long nanos = 0;
        for (int i = 0; i < 9; i++)
        {
            nanos = nanos * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        }
        if (!negative)
        {
            return new UnixTime(seconds, (int)nanos);
        }
        return nanos == 0 ? new UnixTime(-seconds) : new UnixTime(-seconds - 1, (int)(1_000_000_000 - nanos));
    }

    public static byte[] Base64(ReadOnlySpan<byte> value, string keyword)
    {
        try
        {
            var text = Encoding.ASCII.GetString(value);
            // libarchive drops the '=' padding.
            return Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
        }
        catch (FormatException)
        {
            throw new FormatException($"PAX {keyword} is not base64");
        }
    }
}
