using System.Diagnostics;
using System.Globalization;

namespace Boxer.Host.Cli;

/// <summary>
/// The running figures of one build phase: bytes done of the total, the average rate since it started and
/// the time left at that rate. Shared by the headless progress line and the wizard's phase bars.
/// </summary>
internal sealed class HeadlessProgressMeter(long? totalBytes)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public long? TotalBytes { get; private set; } = totalBytes;

    public long DoneBytes { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Done of total in [0, 1], or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? Math.Clamp((double)DoneBytes / total, 0, 1) : null;

    /// <summary>Bytes per second since the phase started; 0 before any time has passed.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? DoneBytes / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the average rate, or null when the total or the rate is unknown.</summary>
    public TimeSpan? Eta => TotalBytes is { } total && Rate > 0 && total >= DoneBytes
        ? TimeSpan.FromSeconds((total - DoneBytes) / Rate)
        : null;

    public void Update(long doneBytes, long? totalBytes)
    {
        DoneBytes = doneBytes;
        TotalBytes = totalBytes ?? TotalBytes;
    }

    /// <summary>E.g. <c>41% 12.0 MB of 29.3 MB, 20.1 MB/s, ETA 0:01</c>; only the parts that are known.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        var percent = Fraction is { } f ? $"{100 * f:0}% " : "";
        var of = TotalBytes is { } total ? $" of {ByteSize.Format(total)}" : "";
        parts.Add($"{percent}{ByteSize.Format(DoneBytes)}{of}");
        if (Rate > 0)
        {
            parts.Add($"{ByteSize.Format(Rate)}/s");
        }
        if (Eta is { } eta)
        {
            parts.Add($"ETA {FormatDuration(eta)}");
        }
        return string.Join(", ", parts);
    }

    /// <summary><c>m:ss</c>, or <c>h:mm:ss</c> from an hour on.</summary>
    public static string FormatDuration(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
