using System.Diagnostics;
using System.Globalization;

namespace Boxer.Bench;

/// <summary>
/// Times <c>xz -dc FILE &gt; /dev/null</c> against boxer's import of the same file (each in a child
/// process, best of N), and prints the ratio and boxer's peak RSS. Targets: ratio ≤ 1.15, RSS ≤ 300 MB.
/// </summary>
internal static class ImportBench
{
    private const double TargetRatio = 1.15;
    private const long TargetRssMb = 300;

    public static int Run(BenchOptions options)
    {
        var stage = StageGenerator.Ensure(options);
        Console.WriteLine($"stage: {stage} ({new FileInfo(stage).Length / 1e6:F0} MB compressed)");
        var xz = Best(options.Runs, () => Time("sh", ["-c", $"xz -dc '{stage}' > /dev/null"]).Seconds);
        Console.WriteLine($"xz -dc > /dev/null: {xz:F2} s (best of {options.Runs})");

        var self = Environment.ProcessPath!;
        var selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? [typeof(ImportBench).Assembly.Location] : Array.Empty<string>();
        string[] importArgs = [.. selfArgs, "import-once", stage, .. options.Managed ? ["--managed"] : Array.Empty<string>()];
        var runs = Enumerable.Range(0, options.Runs).Select(_ => Time(self, importArgs)).ToList();
        var best = runs.MinBy(r => r.Seconds)!;
        long peakKb = runs.Max(r => Figure(r.Output, "vmhwm_kb"));
        double ratio = best.Seconds / xz;
        Console.WriteLine($"boxer import: {best.Seconds:F2} s (best of {options.Runs}; {best.Output.Trim()})");
        Console.WriteLine($"ratio boxer/xz: {ratio:F3} (target <= {TargetRatio})");
        Console.WriteLine($"boxer peak RSS: {peakKb / 1024} MB (target <= {TargetRssMb} MB)");
        return ratio <= TargetRatio && peakKb / 1024 <= TargetRssMb ? 0 : 1;
    }

    private static double Best(int runs, Func<double> measure) => Enumerable.Range(0, runs).Min(_ => measure());

    private static Measurement Time(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        return process.ExitCode == 0
            ? new Measurement(clock.Elapsed.TotalSeconds, output)
            : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}");
    }

    private static long Figure(string output, string key) =>
        long.Parse(output.Split(' ').First(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..].Trim(),
            CultureInfo.InvariantCulture);

    private sealed record Measurement(double Seconds, string Output);
}
