using System.Globalization;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;

namespace Boxer.Host.Cli;

/// <summary>Prints the facts <c>boxer inspect</c> shows about a SIF or squashfs image, one <c>key: value</c> per line.</summary>
internal static class ImageFactsPrinter
{
    public static void PrintSif(string path, SifImage sif, TextWriter output)
    {
        var header = sif.Header;
        output.WriteLine($"image:        {Path.GetFileName(path)} (SIF)");
        output.WriteLine($"architecture: {SifArchitecture.NameOf(header.Arch)} ({header.Arch})");
        output.WriteLine($"created:      {Time(header.Created)}");
        output.WriteLine($"id:           {header.Id}");
        output.WriteLine($"descriptors:  {sif.Descriptors.Count}");
        foreach (var d in sif.Descriptors)
        {
            var primary = ReferenceEquals(d, sif.PrimaryPartition) ? " (primary system partition)"
                : ReferenceEquals(d, sif.OverlayPartition) ? " (ext3 overlay partition)" : "";
            // apptainer leaves its overlay partition unnamed.
            var name = d.Name.Length > 0 ? " " + d.Name : "";
            output.WriteLine($"  {d.Id} {d.DataType} {d.Size} bytes{name}{primary}");
        }
    }

    public static void PrintSquashfs(string? path, SquashfsSummary summary, TextWriter output)
    {
        if (path is not null)
        {
            output.WriteLine($"image:        {Path.GetFileName(path)} (squashfs)");
        }
        var level = summary.CompressionLevel is { } l ? $" (level {l})" : "";
        output.WriteLine($"squashfs compression: {summary.Compression.ToString().ToLowerInvariant()}{level}");
        output.WriteLine($"squashfs block size:  {summary.BlockSize}");
        output.WriteLine($"squashfs inodes:      {summary.InodeCount}");
        output.WriteLine($"squashfs bytes:       {ByteSize.Format(summary.BytesUsed)} ({summary.BytesUsed} bytes)");
    }

    /// <summary>The time as UTC; a damaged header's time outside years 1..9999 is shown as its raw seconds.</summary>
    private static string Time(long unixSeconds) =>
        unixSeconds is >= MinUnixSeconds and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : $"{unixSeconds} (seconds since 1970, out of range)";

    private const long MinUnixSeconds = -62135596800;
    private const long MaxUnixSeconds = 253402300799;
}
