using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Tar;

namespace Boxer.Formats.Tests.Tar;

public class TarFieldSpecs
{
    [Theory]
    [InlineData("0000644\0", 420)]
    [InlineData("  755 \0", 493)]
    [InlineData("\0\0\0\0\0\0\0\0", 0)]
    [InlineData("17777777777\0", 2147483647)]
    public void Octal_fields_read_with_their_padding(string field, long expected)
    {
        Assert.True(TarNumber.TryParse(Encoding.ASCII.GetBytes(field), out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0000894\0")]
    [InlineData("12 34\0\0\0")]
    [InlineData("abc\0\0\0\0\0")]
    public void A_malformed_octal_field_is_not_a_number(string field) =>
        Assert.False(TarNumber.TryParse(Encoding.ASCII.GetBytes(field), out _));

    [Fact]
    public void Base256_fields_read_positive_and_negative_values()
    {
        byte[] positive = [0x80, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00];
        byte[] negative = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE];
        Assert.True(TarNumber.TryParse(positive, out long big));
        Assert.Equal(1L << 40, big);
        Assert.True(TarNumber.TryParse(negative, out long minusTwo));
        Assert.Equal(-2, minusTwo);
        Assert.False(TarNumber.TryParse([0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], out _));
    }

    [Theory]
    [InlineData("1700000000", 1700000000, 0)]
    [InlineData("1700000000.5", 1700000000, 500000000)]
    [InlineData("1700000000.123456789987", 1700000000, 123456789)]
    [InlineData("-1.25", -2, 750000000)]
    [InlineData("-3", -3, 0)]
    public void Pax_times_keep_nanoseconds(string text, long seconds, int nanoseconds) =>
        Assert.Equal(new UnixTime(seconds, nanoseconds), PaxText.Time(Encoding.ASCII.GetBytes(text), "mtime"));

    [Theory]
    [InlineData("12x")]
    [InlineData("1.2.3")]
    [InlineData("")]
    public void A_malformed_pax_time_names_its_keyword(string text)
    {
        var error = Assert.Throws<FormatException>(() => PaxText.Time(Encoding.ASCII.GetBytes(text), "mtime"));
        Assert.Equal("PAX mtime is not a time", error.Message);
    }
}
