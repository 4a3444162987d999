using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>
/// The OpenRC fixture is a real Debian OpenRC system dressed like a Funtoo stage3 (STAGE3.md), as GNU tar
/// sees it. The first run generates it with debootstrap (minutes); later runs use the cache.
/// </summary>
public sealed class OpenRcFixtureSpecs
{
    private static readonly Lazy<Dictionary<string, ListedEntry>> Listing = new(() =>
        GnuTarListing.Read(TestSupport.Fixtures.OpenRc()).ToDictionary(e => e.Path, StringComparer.Ordinal));

    private static ListedEntry Entry(string path) =>
        Listing.Value.TryGetValue(path, out var e) ? e : throw new Xunit.Sdk.XunitException($"{path} is not in the fixture");

    private static string[] Lines(string path) =>
        ExternalTool.RunChecked("tar", "-xOf", TestSupport.Fixtures.OpenRc(), path).Stdout.Split('\n');

    [Fact]
    public void It_boots_with_sysvinit_and_openrc()
    {
        Assert.Equal('-', Entry("./sbin/init").Kind);
        Assert.Equal('-', Entry("./sbin/openrc").Kind);
        Assert.Equal('-', Entry("./sbin/openrc-run").Kind);
        Assert.Equal('-', Entry("./usr/sbin/sshd").Kind);
        Assert.Contains("si::sysinit:/sbin/openrc sysinit", Lines("./etc/inittab"));
        Assert.Contains("rc::bootwait:/sbin/openrc boot", Lines("./etc/inittab"));
    }

    [Fact]
    public void The_inittab_has_gentoo_getty_and_ctrlaltdel_lines()
    {
        var inittab = Lines("./etc/inittab");

        Assert.Equal(6, inittab.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^c[1-6]:[0-9]+:respawn:/sbin/agetty ")));
        Assert.Contains("ca:12345:ctrlaltdel:/sbin/shutdown -r now", inittab);
        Assert.Contains("#rc_sys=\"\"", Lines("./etc/rc.conf"));
    }

    [Theory]
    [InlineData("sysinit", "udev")]
    [InlineData("boot", "hostname")]
    [InlineData("boot", "loopback")]
    [InlineData("boot", "sysctl")]
    [InlineData("boot", "bootmisc")]
    [InlineData("default", "sshd")]
    [InlineData("shutdown", "killprocs")]
    public void Services_sit_in_gentoos_runlevels(string level, string service)
    {
        Assert.Equal(('l', $"/etc/init.d/{service}"), (Entry($"./etc/runlevels/{level}/{service}").Kind, Entry($"./etc/runlevels/{level}/{service}").LinkTarget));
        Assert.Equal("#!/sbin/openrc-run", Lines($"./etc/init.d/{service}")[0]);
    }

    [Fact]
    public void Only_openrc_native_scripts_are_left_in_init_d()
    {
        var scripts = Listing.Value.Keys.Where(p => p.StartsWith("./etc/init.d/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, p => Assert.Equal("#!/sbin/openrc-run", Lines(p)[0]));
        Assert.DoesNotContain(Listing.Value.Keys, p => p.StartsWith("./etc/rc2.d", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hard_linked_binary_carries_cap_net_raw()
    {
        var probe = Entry("./usr/local/bin/netprobe");
        var link = Entry("./usr/local/bin/netprobe6");

        // VFS_CAP_REVISION_2 with the effective flag, permitted = 1 << CAP_NET_RAW (13)
        Assert.Equal("0100000200200000000000000000000000000000", probe.Xattrs["security.capability"]);
        Assert.Equal(('h', probe.Path), (link.Kind, link.LinkTarget));
    }

    [Theory]
    [InlineData("./usr/src/linux-6.1.0-fixture/Makefile")]
    [InlineData("./lib/modules/6.1.0-fixture/modules.dep")]
    [InlineData("./var/git/meta-repo/metadata/version")]
    [InlineData("./var/db/pkg/sys-kernel/debian-sources-6.1.0/PF")]
    public void Kernel_leftovers_are_present(string path)
    {
        Assert.Equal('-', Entry(path).Kind);
    }

    [Fact]
    public void Apt_caches_and_ssh_host_keys_are_gone()
    {
        Assert.DoesNotContain(Listing.Value.Keys, p => p.StartsWith("./var/lib/apt/lists/", StringComparison.Ordinal) && !p.EndsWith("/partial", StringComparison.Ordinal) && !p.EndsWith("/lock", StringComparison.Ordinal) && !p.EndsWith("/auxfiles", StringComparison.Ordinal));
        Assert.DoesNotContain(Listing.Value.Keys, p => p.StartsWith("./etc/ssh/ssh_host_", StringComparison.Ordinal));
        Assert.Equal(('-', "rwsr-xr-x"), (Entry("./bin/su").Kind, Entry("./bin/su").Perms));
    }
}
