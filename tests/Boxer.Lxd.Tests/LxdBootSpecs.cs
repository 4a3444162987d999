using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary>
/// The OpenRC fixture (a real Debian OpenRC system) finalized by openrc-server's lxd branch, imported with
/// <c>lxc image import</c> and booted by the real LXD, without any network device.
/// </summary>
[Collection(LxdCollection.Name)]
public sealed class LxdBootSpecs(SamplePlugin plugin, LocalLxd lxd)
{
    private static readonly TimeSpan BootBudget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_OpenRC_image_boots_clean_gets_the_instance_name_and_stops_on_SIGPWR()
    {
        await lxd.EnsureRunningAsync();
        using var dir = new TempDir("boxer-lxd-boot-");
        var alias = $"boxer-test-boot-{Environment.ProcessId}";
        var instance = $"boxer-boot-{Environment.ProcessId}";
        try
        {
            var build = await BoxerRun.RunAsync(plugin.PluginsRoot, "lxd", "--stage", Fixtures.OpenRc(), "--out", dir.Path, "--alias", alias);
            Assert.True(build.Succeeded, build.Stderr);
            await LocalLxd.LxcChecked("image", "import", dir.Combine("metadata.tar.xz"), dir.Combine("rootfs.squashfs"), "--alias", alias);
            await LocalLxd.LxcChecked("launch", alias, instance);

            await WaitForDefaultRunlevelAsync(instance);
            var status = (await LocalLxd.LxcChecked("exec", instance, "--", "rc-status")).Stdout;
            Assert.Contains("Runlevel: default", status, StringComparison.Ordinal);
            Assert.Matches(@"sshd\s+\[\s+started\s+\]", status);
            Assert.Equal(instance, (await LocalLxd.LxcChecked("exec", instance, "--", "hostname")).Stdout.Trim());
            Assert.Contains($"127.0.1.1\t{instance}\n", (await LocalLxd.LxcChecked("exec", instance, "--", "cat", "/etc/hosts")).Stdout, StringComparison.Ordinal);
            Assert.Equal("", (await LocalLxd.Lxc("exec", instance, "--", "rc-status", "--crashed")).Stdout.Trim());

            // A clean shutdown (SIGPWR -> inittab pf: -> halt) within 15 s, or lxc stop fails: without the
            // pf: line it would hang until the timeout.
            await LocalLxd.LxcChecked("stop", instance, "--timeout", "15");
            Assert.Contains("STOPPED", (await LocalLxd.LxcChecked("list", instance, "--format", "csv", "--columns", "s")).Stdout, StringComparison.Ordinal);
        }
        finally
        {
            await LocalLxd.Lxc("delete", "--force", instance);
            await LocalLxd.Lxc("image", "delete", alias);
        }
    }

    /// <summary>Polls <c>rc-status</c> until the default runlevel is up with sshd started and nothing still starting.</summary>
    private static async Task WaitForDefaultRunlevelAsync(string instance)
    {
        var deadline = DateTime.UtcNow + BootBudget;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            var status = await LocalLxd.Lxc("exec", instance, "--", "rc-status");
            last = status.Stdout + status.Stderr;
            if (status.Succeeded && last.Contains("Runlevel: default", StringComparison.Ordinal)
                && System.Text.RegularExpressions.Regex.IsMatch(last, @"sshd\s+\[\s+started")
                && !last.Contains("starting", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.Fail($"{instance} did not reach the default runlevel within {BootBudget.TotalSeconds} s; rc-status said:\n{last}");
    }
}
