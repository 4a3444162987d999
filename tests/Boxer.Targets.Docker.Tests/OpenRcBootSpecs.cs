using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;
using Xunit.Abstractions;
using Tool = Boxer.Formats.Tests.Tar.Support.Tool;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// The OpenRC fixture stage3 (a real Debian OpenRC system, made by debootstrap on first use) finalized by
/// openrc-server.csx and loaded into the engine must boot to the default runlevel and stop cleanly.
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
        var boot = await BootAndStopAsync(recipeArgs: new());

        Assert.Equal($"docker run -d --name {_tag.Split(':')[0]} {_tag}", boot.Hint);
        Assert.Equal("default", boot.Runlevel);
        Assert.Matches(@"sshd?\s+\[[^\]]*started", boot.Status);
        Assert.DoesNotContain("ERROR", boot.Logs);
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
        var boot = await BootAndStopAsync(recipeArgs: new() { ["docker-init"] = "sysvinit" });

        Assert.Contains(DockerTarget.InitRunFlags, boot.Hint);
        Assert.Equal("default", boot.Runlevel);
        Assert.Matches(@"sshd?\s+\[[^\]]*started", boot.Status);
        Assert.DoesNotContain("ERROR:", boot.Logs);
        Assert.Contains("Stopping sshd", boot.Logs);
        // 137 would be Docker's SIGKILL after the 10 s grace: init must have halted by itself.
        Assert.NotEqual("137", boot.ExitCode);
    }

    public void Dispose()
    {
        Tool.Try("docker", "rm", "-f", "-v", _container);
        DockerCli.Remove(_tag);
        _recipeCache.Dispose();
    }

    /// <summary>Builds the OpenRC fixture, runs it exactly as the artifact's usage hint says, then stops it.</summary>
    private async Task<(string Hint, string Runlevel, string Status, string Logs, string ExitCode)> BootAndStopAsync(
        Dictionary<string, string> recipeArgs)
    {
        var log = new EventLog();
        var result = await BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = Fixtures.OpenRc(),
                Targets = [new TargetRequest(new DockerTarget(), new TargetOptionValues(new Dictionary<string, string> { [DockerTarget.TagOption] = _tag }))],
                Finalizer = new Boxer.Core.Recipes.RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"), recipeArgs,
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
        string runlevel = WaitForDefaultRunlevel();
        string status = DockerCli.Run("exec", _container, "rc-status", "--nocolor");
        DockerCli.Run("stop", "-t", "10", _container);
        string logs = DockerCli.Run("logs", _container);
        string exit = DockerCli.Run("inspect", "-f", "{{.State.ExitCode}}", _container).Trim();
        output.WriteLine($"hint [{hint}]\nstatus [{status}]\nexit {exit}\n{logs}");
        return (hint, runlevel, status, logs, exit);
    }

    /// <summary>Polls for up to a minute until the default runlevel is reached and sshd has started.</summary>
    private string WaitForDefaultRunlevel()
    {
        string last = "";
        for (int attempt = 0; attempt < 60; attempt++)
        {
            var (code, stdout, _) = Tool.Try("docker", "exec", _container, "rc-status", "-r");
            last = code == 0 ? stdout.Trim() : "";
            if (last == "default" && Tool.Try("docker", "exec", _container, "rc-service", "sshd", "status").ExitCode == 0)
            {
                break;
            }
            Thread.Sleep(1000);
        }
        return last;
    }
}
