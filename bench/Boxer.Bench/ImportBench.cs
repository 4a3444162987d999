using System.Globalization;

namespace Boxer.Bench;

/// <summary>
/// Times <c>xz -dc FILE &gt; /dev/null</c> against boxer's import of the same file, each in a child
/// process, runs interleaved (xz, boxer, xz, boxer …) so both see the same machine load; best of N wall
/// time each, plus CPU time, and boxer's peak RSS. Targets: wall ratio ≤ 1.15, peak RSS ≤ 300 MB.
/// </summary>
internal static class ImportBench
{
    private const double TargetRatio = 1.15;
    private const long TargetRssMb = 300;

    public static int Run(BenchOptions options)
    {
        var stage = StageGenerator.Ensure(options);
        Console.WriteLine($"stage: {stage} ({new FileInfo(stage).Length / 1e6:F0} MB compressed)");
        var self = Environment.ProcessPath!;
        string[] selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? [typeof(ImportBench).Assembly.Location] : [];
        // On a shared machine a negative niceness (root only) approximates an idle one for both commands alike.
        string[] nice = options.Nice == 0 ? [] : ["nice", "-n", options.Nice.ToString(CultureInfo.InvariantCulture)];
        string[] importArgs = [.. nice, self, .. selfArgs, "import-once", stage, .. options.Managed ? ["--managed"] : Array.Empty<string>()];
        string[] xzArgs = [.. nice, "sh", "-c", $"xz -dc '{stage}' > /dev/null"];

        var xzRuns = new List<Measurement>();
        var boxerRuns = new List<Measurement>();
        for (int i = 0; i < options.Runs; i++)
        {
            xzRuns.Add(ChildProcessTimer.Time(xzArgs));
            boxerRuns.Add(ChildProcessTimer.Time(importArgs));
            Console.WriteLine($"run {i + 1}: xz {xzRuns[^1].WallSeconds:F2} s, boxer {boxerRuns[^1].WallSeconds:F2} s");
        }
        var xz = xzRuns.MinBy(r => r.WallSeconds)!;
        var boxer = boxerRuns.MinBy(r => r.WallSeconds)!;
        long peakMb = boxerRuns.Max(r => Figure(r.Output, "vmhwm_kb")) / 1024;
        double ratio = boxer.WallSeconds / xz.WallSeconds;
        Console.WriteLine($"xz -dc > /dev/null: {xz.WallSeconds:F2} s wall, {xz.CpuSeconds:F2} s CPU (best of {options.Runs})");
        Console.WriteLine($"boxer import: {boxer.WallSeconds:F2} s wall, {boxer.CpuSeconds:F2} s CPU incl. its xz child (best of {options.Runs}; {boxer.Output.Trim()})");
        Console.WriteLine($"ratio boxer/xz: {ratio:F3} wall (target <= {TargetRatio}), {boxer.CpuSeconds / xz.CpuSeconds:F3} CPU");
        Console.WriteLine($"boxer peak RSS: {peakMb} MB (target <= {TargetRssMb} MB)");
        return ratio <= TargetRatio && peakMb <= TargetRssMb ? 0 : 1;
    }

    private static long Figure(string output, string key) =>
        long.Parse(output.Split(' ').First(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..].Trim(),
            CultureInfo.InvariantCulture);
}
