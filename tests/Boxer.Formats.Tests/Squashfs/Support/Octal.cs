namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>Reads modes the way people write them: <c>Octal.Of(4755)</c> is 04755.</summary>
public static class Octal
{
    public static int Of(int digits) => Convert.ToInt32(digits.ToString(System.Globalization.CultureInfo.InvariantCulture), 8);
}
