using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Formats.Sif;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// The OpenRC fixture stage3, finalized by the default recipe and written as a SIF, boots as
/// <c>instance start --boot --writable-tmpfs</c> would boot it and stops on SIGINT (needs root).
/// </summary>
public sealed class SifBootSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-sif-boot-");

    [Fact]
    public async Task The_openrc_stage3_boots_to_the_default_runlevel_without_errors_and_stops_on_sigint()
    {
        Assert.True(Environment.UserName == "root", "booting the image needs root (CI runs tests as root)");
        var request = new BuildRequest
        {
            StagePath = Fixtures.OpenRc(),
            Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = "boot.sif", ["level"] = "1" }))],
            Finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"),
                runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
            WorkingDirectory = _dir.Path,
            SourceDateEpoch = new UnixTime(1_750_000_000),
        };
        var result = await BuildPipeline.RunAsync(request, new Progress<BuildEvent>(), CancellationToken.None);
        string sif = Assert.Single(result.Artifacts).Location;
        var partition = SifReader.Read(sif).PrimaryPartition!;

        var boot = ExternalTool.Run("bash", [Path.Combine(RepoPaths.Root, "tests", "Boxer.Targets.Singularity.Tests", "Support", "boot-sif.sh"),
            sif, partition.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
            partition.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), _dir.Combine("boot")],
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(3) });
        string log = boot.Stdout;

        Assert.True(boot.ExitCode == 0, $"boot script failed ({boot.ExitCode}): {boot.Stderr}\n{log}");
        Assert.Contains("softlevel=default\n", log, StringComparison.Ordinal);
        Assert.Matches(@"started=\S+", log);
        Assert.DoesNotContain("ERROR:", log, StringComparison.Ordinal);
        Assert.Contains("stopped=yes\n", log, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
