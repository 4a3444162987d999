using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Core.Pipeline;
using Boxer.Core.Testing;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;
using Boxer.TestSupport.Boot;
using Xunit.Abstractions;
using Tool = Boxer.Formats.Tests.Tar.Support.Tool;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// The OpenRC fixture stage3 (a real Debian OpenRC system, made by debootstrap on first use) finalized by
/// openrc-server.csx and loaded into the engine must boot to the default runlevel with every service started
/// and no error on either output stream (<see cref="BootVerdict"/>), and stop cleanly.
/// </summary>
public sealed class OpenRcBootSpecs(ITestOutputHelper output) : IDisposable
{
    private readonly string _tag = DockerCli.UniqueTag("boxer-test-openrc");
    private readonly string _container = "boxer-test-openrc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly TempDir _recipeCache = new("boxer-recipe-cache-");

    /// <summary>
    /// openrc-server's default Docker PID 1 (recipes/lib/docker-init.csx) boots the runlevels and exits after
    /// the shutdown runlevel: a plain <c>docker run -d</c> under Docker's default capabilities, as the hint says.
    /// </summary>
    [Fact]
    public async Task An_OpenRC_stage3_boots_with_a_plain_docker_run_and_exits_by_itself_on_docker_stop()
    {
        var boot = await BootAndStopAsync(OpenRcServer, recipeArgs: new());

        Assert.Equal($"docker run -d {DockerTarget.RunVolumeFlags} --name {_tag.Split(':')[0]} {_tag}", boot.Hint);
        Assert.True(boot.Verdict.Passed, boot.Verdict.ToString());
        Assert.Contains(boot.Verdict.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.DoesNotContain("Unable to", boot.Logs);
        Assert.Contains("Stopping sshd", boot.Logs);
        Assert.Equal("0", boot.ExitCode);
    }

    /// <summary>
    /// With <c>--set docker-init=sysvinit</c> PID 1 is /sbin/init: the hint's flags give it a console, a /run
    /// tmpfs and CAP_SYS_BOOT, so SIGPWR -> inittab pf: -> halt ends it before Docker's 10 s kill.
    /// </summary>
    [Fact]
    public async Task With_sysvinit_as_PID_1_the_hint_flags_give_a_clean_boot_and_stop()
    {
        var boot = await BootAndStopAsync(OpenRcServer, recipeArgs: new() { ["docker-init"] = "sysvinit" });

        Assert.Contains(DockerTarget.InitRunFlags, boot.Hint);
        Assert.True(boot.Verdict.Passed, boot.Verdict.ToString());
        Assert.Contains(boot.Verdict.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.Contains("Stopping sshd", boot.Logs);
        // 137 would be Docker's SIGKILL after the 10 s grace: init must have halted by itself.
        Assert.NotEqual("137", boot.ExitCode);
    }

    /// <summary>
    /// The verdict can fail: a service of the default runlevel whose start fails leaves the boot otherwise
    /// intact (sshd up, exit 0), and OpenRC reports it only on stderr and as "stopped" in rc-status.
    /// </summary>
    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_boot_verdict_by_name()
    {
        var boot = await BootAndStopAsync(BrokenService.Recipe, recipeArgs: new());

        Assert.False(boot.Verdict.Passed, boot.Verdict.ToString());
        Assert.Contains($"service {BrokenService.Name} is stopped, not started (default runlevel)", boot.Verdict.Problems);
        Assert.Contains(boot.Verdict.Problems, p => p.StartsWith("docker logs stderr: ", StringComparison.Ordinal)
            && p.Contains($"ERROR: {BrokenService.Name} failed to start", StringComparison.Ordinal));
        Assert.Contains(boot.Verdict.Services, s => s.Name == "sshd" && s.IsStarted);
    }

    public void Dispose()
    {
        Tool.Try("docker", "rm", "-f", "-v", _container);
        DockerCli.Remove(_tag);
        _recipeCache.Dispose();
    }

    private static string OpenRcServer => Path.Combine(RepoPaths.Recipes, "openrc-server.csx");

    /// <summary>
    /// Builds the OpenRC fixture with <paramref name="recipe"/>, runs it exactly as the artifact's usage hint
    /// says, judges the boot once the default runlevel change is over, then stops it.
    /// </summary>
    private async Task<OpenRcBoot> BootAndStopAsync(string recipe, Dictionary<string, string> recipeArgs)
    {
        var log = new EventLog();
        var result = await BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = Fixtures.OpenRc(),
                Targets = [new TargetRequest(new DockerTarget(), new TargetOptionValues(new Dictionary<string, string> { [DockerTarget.TagOption] = _tag }))],
                Finalizer = new Boxer.Core.Recipes.RecipeFinalizer(recipe, recipeArgs,
                    new Boxer.Core.Recipes.RecipeRunner(new Boxer.Core.Recipes.RecipeRunnerOptions { CacheDirectory = _recipeCache.Path })),
                BoxerVersion = "1.0.0-test",
            },
            log,
            CancellationToken.None);
        Assert.Equal("SIGPWR", DockerCli.Inspect(_tag, "{{.Config.StopSignal}}"));
        string hint = Assert.Single(result.Artifacts).UsageHints[0];
        // The hint is "docker run -d [flags] --name NAME TAG": run those flags with our own container name.
        string[] words = hint.Split(' ');
        string[] flags = words[3..Array.IndexOf(words, "--name")];
        DockerCli.Run(["run", "-d", .. flags, "--name", _container, _tag]);
        WaitForDefaultRunlevel();
        var (_, status, statusErrors) = Tool.Try("docker", ["exec", _container, .. OpenRcProbe.RcStatus]);
        DockerCli.Run("stop", "-t", "10", _container);
        // Without -t the container's stdout and stderr stay apart: docker logs replays each on its own stream.
        var (_, stdout, stderr) = Tool.Run("docker", ["logs", _container], null);
        string exit = DockerCli.Run("inspect", "-f", "{{.State.ExitCode}}", _container).Trim();
        var verdict = BootVerdict.Judge(
            status,
            [new BootStream("docker logs stdout", stdout), new BootStream("docker logs stderr", stderr), new BootStream("rc-status stderr", statusErrors)]);
        output.WriteLine($"hint [{hint}]\nrc-status [{status}]\nexit {exit}\n{verdict}\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
        return new OpenRcBoot(hint, verdict, stdout + stderr, exit);
    }

    /// <summary>Polls for up to a minute until the default runlevel change is over (not: until it went well).</summary>
    private void WaitForDefaultRunlevel()
    {
        for (int attempt = 0; attempt < 60; attempt++)
        {
            if (Tool.Try("docker", "exec", _container, "sh", "-c", OpenRcProbe.DefaultRunlevelReached).ExitCode == 0)
            {
                return;
            }
            Thread.Sleep(1000);
        }
    }
}
