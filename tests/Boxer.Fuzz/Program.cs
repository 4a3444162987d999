using System.Globalization;
using Boxer.Fuzz.Running;
using Boxer.Fuzz.Seeds;
using Boxer.Fuzz.Targets;
using SharpFuzz;

namespace Boxer.Fuzz;

/// <summary>
/// The long run: <c>dotnet run --project tests/Boxer.Fuzz -c Release -- --harness NAME|all [--minutes N] [--seed N] [--out DIR]</c>
/// exits 0 when nothing was found, 1 when something was (written under DIR, default fuzz-findings/).
/// <c>--replay NAME FILE...</c> runs saved inputs; <c>--write-seeds NAME DIR</c> writes a harness's seeds;
/// <c>--afl NAME</c> is the AFL++ entry point (see README.md).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (Value(args, "--afl") is { } afl)
        {
            var target = FuzzTargets.Get(afl);
            // Typed refusals return; any other exception escapes, and SharpFuzz reports the input as a crash.
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var input = new MemoryStream();
                stream.CopyTo(input);
                target.Run(input.ToArray());
            });
            return 0;
        }
        if (Value(args, "--replay") is { } replay)
        {
            // --replay NAME FILE...: each file's outcome, or its finding (exit 1).
            var target = FuzzTargets.Get(replay);
            int failed = 0;
            foreach (var file in args.Skip(Array.IndexOf(args, "--replay") + 2))
            {
                var (outcome, finding) = FuzzRunner.Execute(target, File.ReadAllBytes(file), new FuzzOptions());
                Console.WriteLine($"{file}: {(finding is null ? outcome : finding.ToString())}");
                failed += finding is null ? 0 : 1;
            }
            return failed == 0 ? 0 : 1;
        }
        if (Value(args, "--write-seeds") is { } name)
        {
            var dir = Directory.CreateDirectory(args[Array.IndexOf(args, "--write-seeds") + 2]).FullName;
            var seeds = FuzzTargets.Get(name).Seeds(new SeedCorpus());
            for (int i = 0; i < seeds.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(dir, $"seed-{i}.bin"), seeds[i]);
            }
            return 0;
        }
        return RunAll(args);
    }

    private static int RunAll(string[] args)
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
