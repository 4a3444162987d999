using System.Globalization;

namespace Boxer.Host.Cli;

/// <summary>Formats byte counts for people: <c>512 B</c>, <c>1.5 MB</c> (powers of 1000, as disks are sold).</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB"];

    public static string Format(double bytes)
    {
        var unit = 0;
        while (Math.Abs(bytes) >= 1000 && unit < Units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }
        var format = unit == 0 ? "0" : "0.0";
        return $"{bytes.ToString(format, CultureInfo.InvariantCulture)} {Units[unit]}";
    }

    public static string Rate(double bytes, TimeSpan elapsed) =>
        elapsed.TotalSeconds > 0 ? $"{Format(bytes / elapsed.TotalSeconds)}/s" : "";
}
