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
    public async Task An_OpenRC_stage3_run_as_its_hint_says_boots_without_errors_and_stops_cleanly_on_docker_stop()
    {
        var boot = await BootAndStopAsync(DockerTarget.InitRunFlags.Split(' '));

        Assert.Equal("default", boot.Runlevel);
        Assert.Matches(@"sshd?\s+\[[^\]]*started", boot.Status);
        Assert.DoesNotContain("ERROR:", boot.Logs);
        Assert.Contains("Stopping sshd", boot.Logs);
        // 137 would be Docker's SIGKILL after the 10 s grace: init must have halted by itself.
        Assert.NotEqual("137", boot.ExitCode);
    }

    /// <summary>
    /// Without CAP_SYS_BOOT init's final reboot(2) fails with EPERM and PID 1 of a PID namespace cannot be ended
    /// from inside, so Docker kills it after the grace period; the services must still be stopped in order first.
    /// </summary>
    [Fact]
    public async Task Under_default_capabilities_docker_stop_still_stops_the_services_in_order()
    {
        var boot = await BootAndStopAsync("--tmpfs", "/run");

        Assert.Equal("default", boot.Runlevel);
        Assert.DoesNotContain("ERROR:", boot.Logs);
        Assert.Contains("Stopping sshd", boot.Logs);
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
        Assert.Contains(DockerTarget.InitRunFlags, Assert.Single(result.Artifacts).UsageHints[0]);
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
