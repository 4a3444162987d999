using System.Globalization;

namespace Boxer.Bench;

/// <summary>
/// Times <c>boxer docker --stage demo/stage3-demo.tar.xz --plan</c> (the Release host, as a child process) with a
/// cold recipe cache (a fresh, empty <c>XDG_CACHE_HOME</c>) against a warmed one, runs interleaved (cold, cached,
/// cold, cached …) so both see the same machine load. Besides the wall time of the whole process it reads the
/// recipe phase from the host's <c>--verbose</c> log: the compile or cache load, plus the plan phase that runs the
/// recipe on a copy of the tree. Target: the recipe phase of a cached run ≤ 200 ms.
/// </summary>
internal static class PlanBench
{
    private const double TargetRecipeMs = 200;
    private const string Stage = "demo/stage3-demo.tar.xz";

    public static int Run(BenchOptions options)
    {
        var root = RepositoryRoot.Find();
        var host = BoxerHost.Ensure(root);
        string[] command = [host, "docker", "--stage", Path.Combine(root, Stage), "--tag", "bench-plan", "--plan", "--verbose"];
        var warm = Directory.CreateTempSubdirectory("boxer-bench-warm-");
        try
        {
            PlanRun.Once(command, warm.FullName, "warm-up");
            var cold = new List<PlanRun>();
            var cached = new List<PlanRun>();
            for (int i = 0; i < options.Runs; i++)
            {
                var empty = Directory.CreateTempSubdirectory("boxer-bench-cold-");
                try
                {
                    cold.Add(PlanRun.Once(command, empty.FullName, "cold"));
                }
                finally
                {
                    empty.Delete(recursive: true);
                }
                cached.Add(PlanRun.Once(command, warm.FullName, "cached"));
                Console.WriteLine($"run {i + 1}: cold {cold[^1]}; cached {cached[^1]}");
            }
            Console.WriteLine(Summary("cold  ", cold, options.Runs));
            Console.WriteLine(Summary("cached", cached, options.Runs));
            var median = Median(cached.Select(r => r.RecipeMs));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: recipe phase of a cached run <= {TargetRecipeMs} ms (median {median:F0} ms): {(median <= TargetRecipeMs ? "met" : "MISSED")}"));
            return median <= TargetRecipeMs ? 0 : 1;
        }
        finally
        {
            warm.Delete(recursive: true);
        }
    }

    private static string Summary(string label, List<PlanRun> runs, int count) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: wall best {runs.Min(r => r.WallMs):F0} ms, median {Median(runs.Select(r => r.WallMs)):F0} ms; " +
        $"recipe phase best {runs.Min(r => r.RecipeMs):F0} ms, median {Median(runs.Select(r => r.RecipeMs)):F0} ms " +
        $"(prepare median {Median(runs.Select(r => r.PrepareMs)):F0} ms) over {count} runs");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
