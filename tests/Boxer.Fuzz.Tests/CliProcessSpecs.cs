using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;
using Boxer.TestSupport;

namespace Boxer.Fuzz.Tests;

/// <summary>
/// The property at the process level, on a seeded sample of mutants: the real <c>boxer</c> exits 0, 2, 3 or 4,
/// with exactly one line on stderr when it fails (--quiet), within a time bound and a GC heap limit.
/// </summary>
public sealed class CliProcessSpecs
{
    private static readonly SeedCorpus Corpus = new();
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(60);
    private const string HeapLimit = "0x30000000"; // 768 MiB: a reader allocating from a header field hits it
    private static readonly int[] Documented = [0, 2, 3, 4];

    [Theory]
    [InlineData("tar", 8)]
    [InlineData("squashfs", 8)]
    [InlineData("sif", 8)]
    public void Inspect_of_a_mutant_exits_with_a_documented_code_and_one_line(string kind, int count)
    {
        using var dir = new TempDir("boxer-fuzz-");
        var random = new Random(7);
        for (int i = 0; i < count; i++)
        {
            var (seeds, mutate) = Mutator(kind);
            var input = seeds[random.Next(seeds.Count)];
            for (int depth = 1 + random.Next(3); depth > 0; depth--)
            {
                input = mutate(input, random);
            }
            var path = Path.Combine(dir.Path, $"mutant-{i}");
            File.WriteAllBytes(path, input);

            AssertDocumented(RunBoxer(["inspect", path, "--quiet"], dir.Path), $"{kind} mutant {i}");
            AssertDocumented(RunBoxer(["inspect", path, "--list", "--quiet"], dir.Path), $"{kind} mutant {i} --list");
        }
    }

    [Fact]
    public void Target_option_values_that_are_mutants_are_usage_or_input_errors()
    {
        using var dir = new TempDir("boxer-fuzz-");
        var random = new Random(11);
        var missingStage = Path.Combine(dir.Path, "no-such-stage.tar.xz");
        string[] values = ["funtoo:latest", "registry.example:5000/a/b@sha256:" + new string('a', 64), "out.tar", "1700000000"];
        for (int i = 0; i < 12; i++)
        {
            var value = System.Text.Encoding.UTF8.GetString(TextMutator.Mutate(System.Text.Encoding.UTF8.GetBytes(values[i % values.Length]), random))
                .Replace("\0", "");
            string[] args = (i % 4) switch
            {
                0 => ["docker", "--stage", missingStage, "--tag", value, "--recipe", "none", "--quiet"],
                1 => ["docker", "--stage", missingStage, "--out", Path.Combine(dir.Path, "x", value), "--tag", value, "--recipe", "none", "--quiet"],
                2 => ["sif", "--stage", missingStage, "--out", Path.Combine(dir.Path, "y", value), "--recipe", "none", "--quiet"],
                _ => ["sif", "--stage", missingStage, "--recipe", "none", "--quiet"],
            };
            var epoch = i % 4 == 3 ? value : null;

            var result = RunBoxer(args, dir.Path, epoch);

            AssertDocumented(result, $"value '{value}' ({string.Join(' ', args[..1])})");
            Assert.NotEqual(0, result.ExitCode);
        }
    }

    [Fact]
    public void Inspect_of_every_fixed_image_or_stage_regression_input_exits_with_a_documented_code()
    {
        using var dir = new TempDir("boxer-fuzz-");
        var inputs = RegressionInputs.All()
            .Where(i => RegressionInputs.Harness(i) is "tar" or "squashfs" or "sif")
            .Except(OpenFindings.Inputs)
            .ToList();
        Assert.NotEmpty(inputs);
        foreach (var input in inputs)
        {
            var path = Path.Combine(dir.Path, "input");
            File.WriteAllBytes(path, RegressionInputs.Read(input));

            AssertDocumented(RunBoxer(["inspect", path, "--list", "--quiet"], dir.Path), input);
        }
    }

    private static (IReadOnlyList<byte[]> Seeds, Func<byte[], Random, byte[]> Mutate) Mutator(string kind) => kind switch
    {
        "tar" => (Corpus.Tars, TarMutator.Mutate),
        "squashfs" => (Corpus.SquashfsImages, (input, random) => SquashfsMutator.Mutate(input, random)),
        _ => (Corpus.Sifs, SifMutator.Mutate),
    };

    private static void AssertDocumented(ToolResult result, string what)
    {
        Assert.True(Documented.Contains(result.ExitCode), $"{what}: {result.Command} exit {result.ExitCode}\n{result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode == 0 || lines.Length == 1, $"{what}: {lines.Length} lines on stderr\n{result.Stderr}");
    }

    private static ToolResult RunBoxer(string[] args, string home, string? sourceDateEpoch = null)
    {
        var options = new ToolRunOptions
        {
            Timeout = TimeBound,
            WorkingDirectory = home,
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["BOXER_PLUGIN_PATH"] = null,
                ["SOURCE_DATE_EPOCH"] = sourceDateEpoch,
                ["DOTNET_GCHeapHardLimit"] = HeapLimit,
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        return ExternalTool.Run("dotnet", [HostDll, .. args], options);
    }

    private static string HostDll =>
        Path.Combine(RepoPaths.Root, "src", "Boxer.Host", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "boxer.dll");
}
