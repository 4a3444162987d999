using Boxer.Core.Testing;
using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;
using Boxer.TestSupport.Boot;
using Xunit.Abstractions;

namespace Boxer.Lxd.Tests;

/// <summary>
/// The OpenRC fixture (a real Debian OpenRC system) finalized by openrc-server's lxd branch, imported with
/// <c>lxc image import</c> and booted by the real LXD, without any network device: every default service
/// started and no error on the console (<see cref="BootVerdict"/>).
/// </summary>
[Collection(LxdCollection.Name)]
public sealed class LxdBootSpecs(SamplePlugin plugin, LocalLxd lxd, ITestOutputHelper output)
{
    private static readonly TimeSpan BootBudget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_OpenRC_image_boots_clean_gets_the_instance_name_and_stops_on_SIGPWR()
    {
        var instance = $"boxer-boot-{Environment.ProcessId}";

        var boot = await BootAndStopAsync(instance);

        Assert.True(boot.Verdict.Passed, boot.Verdict.ToString());
        Assert.Contains(boot.Verdict.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.Equal(instance, boot.Hostname);
        Assert.Contains($"127.0.1.1\t{instance}\n", boot.Hosts, StringComparison.Ordinal);
        // A clean shutdown (SIGPWR -> inittab pf: -> halt) within 15 s, or lxc stop fails: without the
        // pf: line it would hang until the timeout.
        Assert.Contains("STOPPED", boot.StateAfterStop, StringComparison.Ordinal);
        Assert.Equal(0, boot.BoxerTest.ExitCode);
        Assert.StartsWith($"PASSED lxd:{instance}-image\n  booted with: LXD at ", boot.BoxerTest.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The verdict can fail: a default service whose start fails, the rest of the boot intact.</summary>
    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_boot_verdict_by_name()
    {
        var boot = await BootAndStopAsync($"boxer-broken-{Environment.ProcessId}", "--recipe", BrokenService.Recipe);

        Assert.False(boot.Verdict.Passed, boot.Verdict.ToString());
        Assert.Contains($"service {BrokenService.Name} is stopped, not started (default runlevel)", boot.Verdict.Problems);
        Assert.Contains(boot.Verdict.Problems, p => p.StartsWith("console: ", StringComparison.Ordinal)
            && p.Contains($"ERROR: {BrokenService.Name} failed to start", StringComparison.Ordinal));
        Assert.Contains(boot.Verdict.Services, s => s.Name == "sshd" && s.IsStarted);
        Assert.Contains("STOPPED", boot.StateAfterStop, StringComparison.Ordinal);
        Assert.Equal(5, boot.BoxerTest.ExitCode);
        Assert.Contains($"  problem: service {BrokenService.Name} is stopped, not started (default runlevel)\n", boot.BoxerTest.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds the OpenRC fixture for lxd (with <paramref name="buildArgs"/>), imports and launches it, judges
    /// rc-status and the console once the default runlevel change is over, and stops it.
    /// </summary>
    private async Task<LxdBoot> BootAndStopAsync(string instance, params string[] buildArgs)
    {
        await lxd.EnsureRunningAsync();
        using var dir = new TempDir("boxer-lxd-boot-");
        var alias = $"{instance}-image";
        try
        {
            var build = await BoxerRun.RunAsync(plugin.PluginsRoot, ["lxd", "--stage", Fixtures.OpenRc(), "--out", dir.Path, "--alias", alias, .. buildArgs]);
            Assert.True(build.Succeeded, build.Stderr);
            await LocalLxd.LxcChecked("image", "import", dir.Combine("metadata.tar.xz"), dir.Combine("rootfs.squashfs"), "--alias", alias);
            // boxer test through the sample's contribution (IImageTester, scheme lxd), on the same image.
            var test = await BoxerRun.RunAsync(plugin.PluginsRoot, "test", $"lxd:{alias}");
            output.WriteLine($"boxer test lxd:{alias}: exit {test.ExitCode}\n{test.Stdout}\n{test.Stderr}");
            await LocalLxd.LxcChecked("launch", alias, instance);

            await WaitForDefaultRunlevelAsync(instance);
            var status = await LocalLxd.Lxc(["exec", instance, "--", .. OpenRcProbe.RcStatus]);
            var hostname = (await LocalLxd.LxcChecked("exec", instance, "--", "hostname")).Stdout.Trim();
            var hosts = (await LocalLxd.LxcChecked("exec", instance, "--", "cat", "/etc/hosts")).Stdout;
            await LocalLxd.LxcChecked("stop", instance, "--timeout", "15");
            var state = (await LocalLxd.LxcChecked("list", instance, "--format", "csv", "--columns", "s")).Stdout;
            // The console log: everything init and the rc scripts wrote to /dev/console, stdout and stderr alike.
            var console = await LocalLxd.LxcChecked("console", instance, "--show-log");
            var verdict = BootVerdict.Judge(
                status.Stdout, [new("console", console.Stdout), new("rc-status stderr", status.Stderr)]);
            output.WriteLine($"rc-status [{status.Stdout}]\n{verdict}\n--- console\n{console.Stdout}");
            return new LxdBoot(verdict, hostname, hosts, state, test);
        }
        finally
        {
            await LocalLxd.Lxc("delete", "--force", instance);
            await LocalLxd.Lxc("image", "delete", alias);
        }
    }

    /// <summary>Polls until the default runlevel change is over (not: until it went well; the verdict says that).</summary>
    private static async Task WaitForDefaultRunlevelAsync(string instance)
    {
        var deadline = DateTime.UtcNow + BootBudget;
        while (DateTime.UtcNow < deadline)
        {
            if ((await LocalLxd.Lxc("exec", instance, "--", "sh", "-c", OpenRcProbe.DefaultRunlevelReached)).Succeeded)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
