using System.Text.Json;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;
using Boxer.TestSupport.Boot;
using Xunit.Abstractions;

namespace Boxer.Host.Tests.ImageTest;

/// <summary>
/// <c>boxer test</c> against the real engine and the real OpenRC fixture: the clean image passes from the engine
/// and from its archive; a service that fails to start, a stop that hangs and a stop that fails each fail it
/// (exit 5) with the service named.
/// </summary>
[Collection(BootImagesCollection.Name)]
public sealed class BoxerTestSpecs(BootImages images, ITestOutputHelper output)
{
    [Fact]
    public async Task The_OpenRC_fixture_passes_from_the_engine_with_every_service_listed()
    {
        var result = await TestAsync(images.Clean);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"PASSED {images.Clean}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(result.StdOutLines, l => l.StartsWith("booted with: docker engine at ", StringComparison.Ordinal)
            && l.Contains($"docker run -d --tmpfs /run --name boxer-test-", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["sshd", "started"]);
        Assert.Contains(result.StdOutLines, l => l.StartsWith("stopped in ", StringComparison.Ordinal) && l.EndsWith(", exit status 0", StringComparison.Ordinal));
        Assert.DoesNotContain("problem:", result.StdOut, StringComparison.Ordinal);
    }

    /// <summary>The archive is loaded under a temporary tag and untagged after; the tag it names in the engine stays put.</summary>
    [Fact]
    public async Task The_OpenRC_fixture_passes_from_its_archive_which_leaves_no_tag_behind()
    {
        string before = ImageId(images.Clean);

        var result = await TestAsync(images.CleanArchive, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(images.CleanArchive, root.GetProperty("reference").GetString());
        string runtime = root.GetProperty("runtime").GetString()!;
        string temporary = runtime.Split(' ', ';').Single(w => w.StartsWith("boxer-test-", StringComparison.Ordinal) && w.EndsWith(":latest", StringComparison.Ordinal));
        Assert.False(ExternalTool.Run("docker", ["image", "inspect", temporary]).Succeeded, $"{temporary} is still in the engine");
        Assert.Equal(before, ImageId(images.Clean));
    }

    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_test_by_name()
    {
        var result = await TestAsync(images.Broken);

        Assert.Equal(5, result.ExitCode);
        Assert.StartsWith($"FAILED {images.Broken}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"problem: service {BrokenService.Name} is stopped, not started (default runlevel)", result.StdOutLines);
        Assert.Contains($"problem: docker logs stderr: * ERROR: {BrokenService.Name} failed to start", result.StdOutLines);
    }

    [Fact]
    public async Task A_stop_that_hangs_fails_the_test_naming_the_service()
    {
        var result = await TestAsync(images.Hanging);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains(result.StdOutLines, l => l.StartsWith($"problem: service {HangingStop.Name} did not stop: the runtime killed the system after ", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("stopped in ", StringComparison.Ordinal) && l.EndsWith("exit status 137, KILLED", StringComparison.Ordinal));
    }

    /// <summary>docker-init's exit status after docker stop says whether the shutdown runlevel succeeded.</summary>
    [Fact]
    public async Task A_stop_that_fails_shows_in_docker_inits_exit_status()
    {
        var result = await TestAsync(images.FailingStop, "--json");

        Assert.Equal(5, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var stop = json.RootElement.GetProperty("stop");
        Assert.Equal(1, stop.GetProperty("exitStatus").GetInt32());
        Assert.False(stop.GetProperty("killed").GetBoolean());
        Assert.Contains("/usr/lib/boxer/docker-init exited 1 after the stop: the shutdown runlevel failed",
            json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(json.RootElement.GetProperty("services").EnumerateArray(),
            s => s.GetProperty("name").GetString() == FailingStop.Name && s.GetProperty("state").GetString() == "started");
    }

    /// <summary>Given a command, docker-init runs it as PID 1 instead of booting, and its exit status is the container's.</summary>
    [Fact]
    public void A_command_given_to_docker_run_runs_instead_of_the_boot_with_its_exit_status()
    {
        string name = "boxer-spec-run-" + Guid.NewGuid().ToString("N")[..8];
        // A boot instead of the command would never end: a minute is plenty for `exit 7`.
        var quick = new ToolRunOptions { Timeout = TimeSpan.FromMinutes(1) };
        try
        {
            var exit7 = ExternalTool.Run("docker", ["run", "--rm", "--name", name, images.Clean, "/bin/sh", "-c", "exit 7"], quick);
            var probe = ExternalTool.Run("docker", ["run", "--rm", "--name", name, "--tmpfs", "/run", images.Clean, "/bin/sh", "-c", "echo pid=$$; ls /run/openrc 2>&1 || true"], quick);

            Assert.Equal(7, exit7.ExitCode);
            Assert.Equal(0, probe.ExitCode);
            Assert.StartsWith("pid=1\n", probe.Stdout, StringComparison.Ordinal);
            Assert.Contains("No such file or directory", probe.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            ExternalTool.Run("docker", ["rm", "-f", "-v", name]);
        }
    }

    private async Task<ProcessResult> TestAsync(params string[] args)
    {
        var result = await BoxerHost.RunAsync(["test", .. args]);
        output.WriteLine(result.ToString());
        return result;
    }

    private static string ImageId(string tag) => ExternalTool.Run("docker", ["image", "inspect", "-f", "{{.Id}}", tag]).EnsureSuccess().Stdout.Trim();
}
