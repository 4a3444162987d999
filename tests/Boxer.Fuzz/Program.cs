using System.Globalization;
using Boxer.Fuzz.Running;
using Boxer.Fuzz.Seeds;
using Boxer.Fuzz.Targets;

namespace Boxer.Fuzz;

/// <summary>
/// The long run: <c>dotnet run --project tests/Boxer.Fuzz -c Release -- --harness NAME|all [--minutes N] [--seed N] [--out DIR]</c>.
/// Exits 0 when nothing was found, 1 when something was (written under DIR, default fuzz-findings/).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string harness = Value(args, "--harness") ?? "all";
        double minutes = double.Parse(Value(args, "--minutes") ?? "1", CultureInfo.InvariantCulture);
        int seed = int.Parse(Value(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        string output = Value(args, "--out") ?? "fuzz-findings";
        var targets = harness == "all" ? FuzzTargets.All : [FuzzTargets.Get(harness)];
        var corpus = new SeedCorpus();
        var options = new FuzzOptions { Seed = seed, Duration = TimeSpan.FromMinutes(minutes), FindingsDirectory = output };
        int found = 0;
        foreach (var target in targets)
        {
            var result = FuzzRunner.Run(target, corpus, options);
            Console.WriteLine(result);
            found += result.Findings.Count;
        }
        if (found > 0)
        {
            Console.WriteLine($"{found} findings under {Path.GetFullPath(output)}");
        }
        return found == 0 ? 0 : 1;
    }

    private static string? Value(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
