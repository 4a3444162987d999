using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>The basic fixture looks like a Gentoo/Funtoo OpenRC stage3 where finalization cares.</summary>
public sealed class BasicFixtureStageSpecs : IDisposable
{
    private readonly TempDir _tree = new();

    public BasicFixtureStageSpecs()
    {
        ExternalTool.RunChecked("tar", "-xf", TestSupport.Fixtures.Basic("xz"), "-C", _tree.Path, "--no-same-owner",
            "--exclude=./dev/*");
    }

    public void Dispose() => _tree.Dispose();

    private string Read(string path) => File.ReadAllText(_tree.Combine(path));

    [Theory]
    [InlineData("si::sysinit:/sbin/openrc sysinit")]
    [InlineData("rc::bootwait:/sbin/openrc boot")]
    [InlineData("l0:0:wait:/sbin/openrc shutdown")]
    [InlineData("l6:6:wait:/sbin/openrc reboot")]
    [InlineData("su0:S:wait:/sbin/openrc single")]
    [InlineData("c1:12345:respawn:/sbin/agetty 38400 tty1 linux")]
    [InlineData("c6:2345:respawn:/sbin/agetty 38400 tty6 linux")]
    [InlineData("ca:12345:ctrlaltdel:/sbin/shutdown -r now")]
    [InlineData("#x1:12345:respawn:/sbin/agetty -a root --noclear 38400 console linux")]
    public void The_inittab_has_gentoos_lines(string line)
    {
        Assert.Contains(line, Read("etc/inittab").Split('\n'));
    }

    [Fact]
    public void Rc_conf_leaves_rc_sys_commented_out()
    {
        Assert.Contains("#rc_sys=\"\"", Read("etc/rc.conf").Split('\n'));
    }

    [Theory]
    [InlineData("boot", "hostname")]
    [InlineData("boot", "loopback")]
    [InlineData("sysinit", "udev")]
    [InlineData("default", "sshd")]
    [InlineData("shutdown", "killprocs")]
    public void Runlevels_link_absolutely_to_init_scripts_that_exist(string level, string service)
    {
        var link = new FileInfo(_tree.Combine("etc", "runlevels", level, service));

        Assert.Equal($"/etc/init.d/{service}", link.LinkTarget);
        Assert.StartsWith("#!/sbin/openrc-run\n", Read($"etc/init.d/{service}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hostname", "keyword -docker -lxc")]
    [InlineData("udev", "keyword -containers")]
    [InlineData("netmount", "-docker -containers")]
    public void Some_scripts_opt_out_of_containers_by_keyword(string service, string keyword)
    {
        Assert.Contains(keyword, Read($"etc/init.d/{service}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("usr/src/linux-6.1.0/Makefile")]
    [InlineData("lib/modules/6.1.0/modules.dep")]
    [InlineData("var/git/meta-repo/metadata/version")]
    [InlineData("var/db/pkg/sys-kernel/debian-sources-6.1.0/CONTENTS")]
    [InlineData("etc/fstab")]
    public void Stage3_leftovers_the_recipes_remove_are_present(string path)
    {
        Assert.True(File.Exists(_tree.Combine(path)), $"{path} missing");
    }

    [Fact]
    public void Os_release_names_gentoo_and_sh_is_a_static_busybox()
    {
        Assert.Contains("ID=gentoo", Read("etc/os-release").Split('\n'));
        var elf = File.ReadAllBytes(_tree.Combine("bin", "busybox"))[..5];
        Assert.Equal("7f454c4602", Convert.ToHexStringLower(elf)); // ELF, 64-bit
    }
}
