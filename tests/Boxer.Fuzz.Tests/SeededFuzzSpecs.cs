using Boxer.Fuzz.Running;
using Boxer.Fuzz.Seeds;
using Boxer.Fuzz.Targets;

namespace Boxer.Fuzz.Tests;

/// <summary>
/// The short in-suite run: each harness on its seeds and a fixed number of mutants from a fixed seed (capped in
/// time for slow machines). Every input must read or be refused with the reader's typed error, within the time
/// and memory bounds. Findings with the signature of a known-open input (<see cref="OpenFindings"/>) are tolerated.
/// </summary>
public sealed class SeededFuzzSpecs
{
    private static readonly SeedCorpus Corpus = new();

    [Theory]
    [InlineData("tar", 1500)]
    [InlineData("elf", 10000)]
    [InlineData("os-release", 10000)]
    [InlineData("squashfs", 4000)]
    [InlineData("sif", 3000)]
    [InlineData("cli", 10000)]
    public void A_seeded_run_finds_nothing_new(string harness, int mutants)
    {
        var options = new FuzzOptions { Seed = 20261207, MaxIterations = mutants, Duration = TimeSpan.FromSeconds(20) };

        var result = FuzzRunner.Run(FuzzTargets.Get(harness), Corpus, options);

        var known = KnownSignatures(options);
        var fresh = result.Findings.Where(f => !known.Contains(Signature(f))).ToList();
        Assert.True(fresh.Count == 0, $"{result}\nsave each input under tests/Boxer.Fuzz/regressions/{harness}/ (run the long command with --out)");
        Assert.True(result.Executions > FuzzTargets.Get(harness).Seeds(Corpus).Count, $"only the seeds ran: {result}");
    }

    [Theory]
    [InlineData("tar")]
    [InlineData("squashfs")]
    [InlineData("sif")]
    public void Every_seed_reads_so_the_mutants_start_from_valid_input(string harness)
    {
        var target = FuzzTargets.Get(harness);

        foreach (var seed in target.Seeds(Corpus))
        {
            var (outcome, finding) = FuzzRunner.Execute(target, seed, new FuzzOptions());

            Assert.Null(finding);
            Assert.StartsWith("ok", outcome);
        }
    }

    private static HashSet<string> KnownSignatures(FuzzOptions options) =>
    [
        .. OpenFindings.Inputs
            .Select(i => FuzzRunner.Execute(FuzzTargets.Get(RegressionInputs.Harness(i)), RegressionInputs.Read(i), options).Finding)
            .OfType<Finding>()
            .Select(Signature),
    ];

    private static string Signature(Finding f) => $"{f.Harness} {f.Kind} {f.StackTop}";
}
