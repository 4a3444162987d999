using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Testing;
using Boxer.Formats.Sif;
using Boxer.TestSupport;
using Boxer.TestSupport.Boot;
using Xunit.Abstractions;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// The OpenRC fixture stage3, finalized by the default recipe and written as a SIF, boots as
/// <c>instance start --boot --writable-tmpfs</c> would boot it, with every default service started and no
/// error on its console or init's streams (<see cref="BootVerdict"/>), and stops on SIGINT (needs root).
/// </summary>
[Collection(Support.SifBootCollection.Name)]
public sealed class SifBootSpecs(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new("boxer-sif-boot-");

    [Fact]
    public async Task The_openrc_stage3_boots_to_the_default_runlevel_without_errors_and_stops_on_sigint()
    {
        var (verdict, summary) = await BootAsync(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"));

        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Contains(verdict.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.Contains("stopped=yes\n", summary, StringComparison.Ordinal);
    }

    /// <summary>The verdict can fail: a default service whose start fails, the rest of the boot intact.</summary>
    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_boot_verdict_by_name()
    {
        var (verdict, summary) = await BootAsync(BrokenService.Recipe);

        Assert.False(verdict.Passed, verdict.ToString());
        Assert.Contains($"service {BrokenService.Name} is stopped, not started (default runlevel)", verdict.Problems);
        Assert.Contains(verdict.Problems, p => p.StartsWith("console: ", StringComparison.Ordinal)
            && p.Contains($"ERROR: {BrokenService.Name} failed to start", StringComparison.Ordinal));
        Assert.Contains(verdict.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.Contains("stopped=yes\n", summary, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Builds a SIF of the OpenRC fixture with <paramref name="recipe"/>, boots it with Support/boot-sif.sh and
    /// judges rc-status (run inside that boot's namespaces) with the console and both of init's streams.
    /// </summary>
    private async Task<(BootVerdict Verdict, string Summary)> BootAsync(string recipe)
    {
        Assert.True(Environment.UserName == "root", "booting the image needs root (CI runs tests as root)");
        var request = new BuildRequest
        {
            StagePath = Fixtures.OpenRc(),
            Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = "boot.sif", ["level"] = "1" }))],
            Finalizer = new RecipeFinalizer(recipe,
                runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
            WorkingDirectory = _dir.Path,
            SourceDateEpoch = new UnixTime(1_750_000_000),
        };
        var result = await BuildPipeline.RunAsync(request, new Progress<BuildEvent>(), CancellationToken.None);
        string sif = Assert.Single(result.Artifacts).Location;
        var partition = SifReader.Read(sif).PrimaryPartition!;
        string work = _dir.Combine("boot");

        var boot = ExternalTool.Run("bash", [Path.Combine(RepoPaths.Root, "tests", "Boxer.Targets.Singularity.Tests", "Support", "boot-sif.sh"),
            sif, partition.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
            partition.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), work],
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(3) });
        Assert.True(boot.ExitCode == 0, $"boot script failed ({boot.ExitCode}): {boot.Stderr}\n{boot.Stdout}");

        string Read(string name) => File.Exists(Path.Combine(work, name)) ? File.ReadAllText(Path.Combine(work, name)) : "";
        var verdict = BootVerdict.Judge(
            Read("rc-status.out"),
            [new("console", Read("console.log")), new("init stdout", Read("init.stdout")), new("init stderr", Read("init.stderr")),
             new("rc-status stderr", Read("rc-status.err")), new("boot-sif.sh stderr", boot.Stderr)]);
        output.WriteLine($"{boot.Stdout}\n{verdict}\n--- rc-status\n{Read("rc-status.out")}\n--- console\n{Read("console.log")}"
            + $"\n--- init stdout\n{Read("init.stdout")}\n--- init stderr\n{Read("init.stderr")}");
        return (verdict, boot.Stdout);
    }
}
