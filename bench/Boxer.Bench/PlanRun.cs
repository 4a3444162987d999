using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Boxer.Bench;

/// <summary>
/// One <c>boxer --plan --verbose</c> child process: its wall time and the recipe timings its log reports
/// (<c>recipe: X.csx: compiled in N ms</c> or <c>loaded from the cache in N ms</c>, then <c>docker:plan done in S s</c>).
/// </summary>
internal sealed partial record PlanRun(double WallMs, double PrepareMs, double PlanPhaseMs, bool CacheHit)
{
    /// <summary>Compile or cache load plus the plan phase (which runs the recipe on a copy of the tree).</summary>
    public double RecipeMs => PrepareMs + PlanPhaseMs;

    public static PlanRun Once(string[] command, string cacheHome, string label)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["XDG_CACHE_HOME"] = cacheHome;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{label} run exited {process.ExitCode}: {log.Trim()}");
        }
        var prepare = PrepareLine().Match(log);
        var plan = PlanPhaseLine().Match(log);
        if (!prepare.Success || !plan.Success)
        {
            throw new InvalidOperationException($"{label} run: no recipe timing in the --verbose log:\n{log}");
        }
        return new PlanRun(clock.Elapsed.TotalMilliseconds,
            double.Parse(prepare.Groups["ms"].Value, CultureInfo.InvariantCulture),
            double.Parse(plan.Groups["s"].Value, CultureInfo.InvariantCulture) * 1000,
            prepare.Groups["how"].Value != "compiled");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WallMs:F0} ms wall, recipe {RecipeMs:F0} ms ({(CacheHit ? "cache load" : "compile")} {PrepareMs:F0} ms + plan phase {PlanPhaseMs:F0} ms)");

    [GeneratedRegex(@"recipe: \S+: (?<how>compiled|loaded from the cache) in (?<ms>\d+) ms")]
    private static partial Regex PrepareLine();

    [GeneratedRegex(@"docker:plan done in (?<s>[0-9.]+) s")]
    private static partial Regex PlanPhaseLine();
}
