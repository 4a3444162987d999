using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Testing;
using Boxer.TestSupport;
using Boxer.TestSupport.Boot;
using Xunit.Abstractions;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// <c>boxer test</c>'s SIF path without apptainer or singularity (neither is packaged for Debian 12): the sif
/// target's namespace harness boots the OpenRC fixture's SIF, and the shared runner judges it (needs root).
/// </summary>
public sealed class SifImageTestSpecs(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new("boxer-sif-imagetest-");

    [Fact]
    public async Task The_openrc_sif_passes_in_the_namespace_harness()
    {
        var report = await TestAsync(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"));

        Assert.True(report.Passed, string.Join("\n", report.Problems));
        Assert.StartsWith("boxer's namespace harness (no apptainer or singularity on PATH)", report.Runtime, StringComparison.Ordinal);
        Assert.Contains(report.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.False(report.Stop.Killed);
    }

    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_sif_by_name()
    {
        var report = await TestAsync(BrokenService.Recipe);

        Assert.False(report.Passed);
        Assert.Contains($"service {BrokenService.Name} is stopped, not started (default runlevel)", report.Problems);
        Assert.Contains(report.Problems, p => p.StartsWith("console: ", StringComparison.Ordinal)
            && p.Contains($"ERROR: {BrokenService.Name} failed to start", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    private async Task<ImageTestReport> TestAsync(string recipe)
    {
        Assert.True(Environment.UserName == "root", "the namespace harness needs root (CI runs tests as root)");
        var request = new BuildRequest
        {
            StagePath = Fixtures.OpenRc(),
            Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = "test.sif", ["level"] = "1" }))],
            Finalizer = new RecipeFinalizer(recipe, runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
            WorkingDirectory = _dir.Path,
        };
        var result = await BuildPipeline.RunAsync(request, new Progress<BuildEvent>(), CancellationToken.None);
        var target = new SingularityTarget { SearchPath = () => "" };
        var subject = new ImageTestSubject(Assert.Single(result.Artifacts).Location, IsFile: true);
        Assert.True(target.CanTest(subject));

        var report = await ImageTestRunner.RunAsync(target, subject, new ImageTestSettings(TimeSpan.FromSeconds(120), ImageTestSettings.NewInstanceName()),
            new Progress<BuildEvent>(), CancellationToken.None);
        output.WriteLine($"{report.Runtime}\n{string.Join("\n", report.Services)}\nstop {report.StopSeconds:0.0} s {report.Stop}\n{string.Join("\n", report.Problems)}");
        return report;
    }
}
