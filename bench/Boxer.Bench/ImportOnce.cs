using System.Diagnostics;
using Boxer.Core.Import;

namespace Boxer.Bench;

/// <summary>The measured child: imports one stage3 and prints its figures, peak RSS (VmHWM) included.</summary>
internal static class ImportOnce
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        using var stage = await StageImporter.ImportAsync(
            options.File ?? throw new ArgumentException("import-once needs a file"),
            new ImportOptions { PreferNativeTools = !options.Managed });
        clock.Stop();
        Console.WriteLine(
            $"entries={stage.RootFs.Count} content={stage.RootFs.ContentSize} decoder={stage.Decoder} " +
            $"arch={stage.Stage.Architecture} seconds={clock.Elapsed.TotalSeconds:F2} vmhwm_kb={PeakRssKb()}");
        return 0;
    }

    /// <summary>This process's peak resident set size from /proc/self/status, in KiB.</summary>
    public static long PeakRssKb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
