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

    [Fact]
    public async Task An_OpenRC_stage3_boots_to_the_default_runlevel_and_stops_cleanly_on_docker_stop()
    {
        // Without CAP_SYS_BOOT the final reboot(2) of init fails and PID 1 never exits (see the skipped fact).
        var boot = await BootAndStopAsync("--cap-add", "SYS_BOOT");

        Assert.Equal("default", boot.Runlevel);
        Assert.Matches(@"sshd?\s+\[[^\]]*started", boot.Status);
        Assert.Contains("Stopping sshd", boot.Logs);
        // 137 would be Docker's SIGKILL after the 10 s grace: init must have halted by itself.
        Assert.NotEqual("137", boot.ExitCode);
    }

    [Fact(Skip = "init cannot exit under Docker's default capabilities: after the OpenRC shutdown, reboot(2) fails with EPERM without CAP_SYS_BOOT and PID 1 of a PID namespace ignores every signal from inside; Docker kills it after 10 s (exit 137). A recipe-side wrapper for /sbin/init is proposed in the docker note")]
    public async Task An_OpenRC_container_exits_by_itself_on_docker_stop_with_default_capabilities()
    {
        var boot = await BootAndStopAsync();

        Assert.NotEqual("137", boot.ExitCode);
    }

    [Fact(Skip = "recipes: openrc-server keeps udev, sysctl and hostname (Debian's OpenRC 0.45 scripts have no -docker keyword) and /run cannot be mounted without --tmpfs /run; un-skip when the recipe handles them")]
    public async Task An_OpenRC_boot_logs_no_ERROR_line()
    {
        var boot = await BootAndStopAsync();

        Assert.DoesNotContain("ERROR:", boot.Logs);
    }

    public void Dispose()
    {
        Tool.Try("docker", "rm", "-f", _container);
        DockerCli.Remove(_tag);
    }

    private async Task<(string Runlevel, string Status, string Logs, string ExitCode)> BootAndStopAsync(params string[] runOptions)
    {
        var log = new EventLog();
        var result = await BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = Fixtures.OpenRc(),
                Targets = [new TargetRequest(new DockerTarget(), new TargetOptionValues(new Dictionary<string, string> { [DockerTarget.TagOption] = _tag }))],
                Finalizer = new Boxer.Core.Recipes.RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx")),
                BoxerVersion = "1.0.0-test",
            },
            log,
            CancellationToken.None);
        Assert.Equal("SIGPWR", DockerCli.Inspect(_tag, "{{.Config.StopSignal}}"));
        Assert.Contains("--cap-add SYS_BOOT", Assert.Single(result.Artifacts).UsageHints[0]);
        // A terminal gives OpenRC a console to log to, so docker logs shows the boot.
        DockerCli.Run(["run", "-d", "-t", "--name", _container, .. runOptions, _tag]);
        string runlevel = WaitForDefaultRunlevel();
        string status = DockerCli.Run("exec", _container, "rc-status", "--nocolor");
        DockerCli.Run("stop", "-t", "10", _container);
        string logs = DockerCli.Run("logs", _container);
        string exit = DockerCli.Run("inspect", "-f", "{{.State.ExitCode}}", _container).Trim();
        output.WriteLine($"status [{status}]\nexit {exit}\n{logs}");
        return (runlevel, status, logs, exit);
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
