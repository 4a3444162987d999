using System.Diagnostics;
using Boxer.Fuzz.Seeds;
using Boxer.Fuzz.Targets;

namespace Boxer.Fuzz.Running;

/// <summary>
/// Runs one target on its seeds, then on seeded mutants (stacked up to four deep), checking each input against
/// the property: a normal return, within <see cref="FuzzOptions.PerInputTimeout"/> and
/// <see cref="FuzzOptions.MaxAllocatedBytes"/>. Findings are distinct by kind and the top of the stack.
/// </summary>
public static class FuzzRunner
{
    /// <summary>Fuzzes <paramref name="target"/>.</summary>
    public static FuzzResult Run(IFuzzTarget target, SeedCorpus corpus, FuzzOptions options)
    {
        var random = new Random(options.Seed);
        var seeds = target.Seeds(corpus);
        var findings = new Dictionary<string, Finding>();
        var clock = Stopwatch.StartNew();
        int executions = 0, refused = 0;
        for (int i = -seeds.Count; i < options.MaxIterations && clock.Elapsed < options.Duration; i++)
        {
            var input = i < 0 ? seeds[seeds.Count + i] : Mutant(target, seeds, random);
            executions++;
            var (outcome, finding) = Execute(target, input, options);
            refused += outcome?.StartsWith("refused", StringComparison.Ordinal) == true ? 1 : 0;
            if (finding is null || !findings.TryAdd(finding.Kind + finding.StackTop, finding))
            {
                continue;
            }
            Save(finding, options.FindingsDirectory);
            if (options.StopAtFirstFinding || finding.Kind == "hang")
            {
                break; // a hung input's thread cannot be stopped; the run ends with it
            }
        }
        return new FuzzResult(target.Name, executions, refused, [.. findings.Values]);
    }

    /// <summary>Runs one input against the property; the outcome text, or the finding.</summary>
    public static (string? Outcome, Finding? Finding) Execute(IFuzzTarget target, byte[] input, FuzzOptions options)
    {
        long before = GC.GetTotalAllocatedBytes();
        var run = Task.Factory.StartNew(() => target.Run(input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(options.PerInputTimeout))
        {
            return (null, new Finding(target.Name, "hang", $"no answer within {options.PerInputTimeout.TotalSeconds:0} s", "", input));
        }
        long allocated = GC.GetTotalAllocatedBytes() - before;
        if (run.Exception?.InnerException is { } e)
        {
            return (null, new Finding(target.Name, "exception", $"{e.GetType().Name}: {e.Message}", StackTop(e), input));
        }
        if (allocated > options.MaxAllocatedBytes)
        {
            return (run.Result, new Finding(target.Name, "memory", $"allocated {allocated >> 20} MiB for a {input.Length}-byte input", "", input));
        }
        return (run.Result, null);
    }

    private static byte[] Mutant(IFuzzTarget target, IReadOnlyList<byte[]> seeds, Random random)
    {
        var input = seeds[random.Next(seeds.Count)];
        for (int depth = 1 + random.Next(4); depth > 0; depth--)
        {
            input = target.Mutate(input, random);
        }
        return input;
    }

    private static string StackTop(Exception e) => string.Join("\n", (e.StackTrace ?? "").Split('\n').Take(4).Select(l => l.Trim()));

    private static void Save(Finding finding, string? directory)
    {
        if (directory is null)
        {
            return;
        }
        var dir = Directory.CreateDirectory(Path.Combine(directory, finding.Harness)).FullName;
        File.WriteAllBytes(Path.Combine(dir, finding.FileName), finding.Input);
        File.WriteAllText(Path.Combine(dir, Path.ChangeExtension(finding.FileName, ".txt")), finding.ToString() + "\n");
    }
}
