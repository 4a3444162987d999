using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Helpers;
using Boxer.Core.Tests.Recipes.Support;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Recipes;

public sealed class OpenRcHelperSpecs
{
    private readonly RootFs _fs = MiniStage.Create();
    private readonly OpenRcHelper _openrc;

    public OpenRcHelperSpecs() => _openrc = new OpenRcHelper(_fs, new RecipeLog(new Progress<BuildEvent>()));

    [Fact]
    public void I_can_set_rc_sys_on_the_stock_commented_line()
    {
        _openrc.SetRcSys("docker");

        Assert.Equal(MiniStage.RcConfText.Replace("#rc_sys=\"\"", "rc_sys=\"docker\""), _fs.ReadAllText("etc/rc.conf"));
        Assert.Equal("docker", _openrc.RcSys);
    }

    [Fact]
    public void Setting_rc_sys_replaces_the_active_line_and_comments_duplicates()
    {
        _fs.WriteAllText("etc/rc.conf", "rc_sys=\"lxd\"\nrc_parallel=\"NO\"\n  rc_sys=\"openvz\"\n");

        _openrc.SetRcSys("lxc");

        Assert.Equal("rc_sys=\"lxc\"\nrc_parallel=\"NO\"\n#rc_sys=\"openvz\"\n", _fs.ReadAllText("etc/rc.conf"));
    }

    [Fact]
    public void Unsetting_rc_sys_comments_it_out_so_OpenRC_auto_detects()
    {
        _openrc.SetRcSys("docker");

        _openrc.SetRcSys(null);

        Assert.Equal(MiniStage.RcConfText, _fs.ReadAllText("etc/rc.conf"));
        Assert.Null(_openrc.RcSys);
    }

    [Fact]
    public void Setting_rc_sys_without_rc_conf_is_a_clear_error()
    {
        _fs.Delete("etc/rc.conf");

        var error = Assert.Throws<RecipeException>(() => _openrc.SetRcSys("docker"));

        Assert.Equal("OpenRC.SetRcSys: /etc/rc.conf does not exist", error.Message);
    }

    [Theory]
    [InlineData("hostname", "docker", "-docker")]
    [InlineData("hostname", "lxc", "-lxc")]
    [InlineData("loopback", "docker", null)]
    [InlineData("loopback", "systemd-nspawn", "-systemd-nspawn")]
    [InlineData("backlight", "podman", "-containers")]
    [InlineData("backlight", "wsl", "-containers")]
    [InlineData("backlight", "jail", null)]
    [InlineData("dockerok", "docker", null)]
    [InlineData("dockerok", "lxc", "-containers")]
    [InlineData("udev", "docker", null)]
    [InlineData("hostname", "Docker", "-docker")]
    [InlineData("hostname", "", null)]
    public void Keywords_decide_as_OpenRC_does(string service, string rcSys, string? why)
    {
        Assert.Equal(why, _openrc.WhyNot(service, rcSys));
        Assert.Equal(why is null, _openrc.CanRunUnder(service, rcSys));
    }

    [Fact]
    public void The_old_noSYS_keyword_form_also_excludes()
    {
        _fs.WriteAllText("etc/init.d/old", MiniStage.Script("nodocker"));

        Assert.Equal("nodocker", _openrc.WhyNot("old", "docker"));
        Assert.Equal(["nodocker"], _openrc.Keywords("old"));
    }

    [Fact]
    public void I_can_add_and_remove_a_service_as_rc_update_does()
    {
        _openrc.AddService("sshd", "default");

        var link = _fs.Get("etc/runlevels/default/sshd");
        Assert.Equal((EntryKind.Symlink, "/etc/init.d/sshd"), (link.Kind, link.LinkTarget));
        Assert.Contains(new ServiceLink("default", "sshd"), _openrc.EnabledServices());
        Assert.True(_openrc.RemoveService("sshd", "default"));
        Assert.False(_openrc.RemoveService("sshd", "default"));
        Assert.True(_fs.Exists("etc/init.d/sshd"));
    }

    [Fact]
    public void Adding_a_service_without_an_init_script_is_a_clear_error()
    {
        var error = Assert.Throws<RecipeException>(() => _openrc.AddService("nginx"));

        Assert.Equal("OpenRC.AddService: /etc/init.d/nginx does not exist", error.Message);
    }

    [Fact]
    public void Enabled_services_are_listed_per_runlevel_in_tree_order()
    {
        Assert.Equal(
            ["boot/backlight", "boot/bootmisc", "boot/hostname", "boot/localmount", "boot/loopback", "boot/sysctl",
             "default/dockerok", "default/local", "default/netmount", "sysinit/devfs", "sysinit/udev"],
            _openrc.EnabledServices().Select(s => s.ToString()));
    }

    [Fact]
    public void Only_getty_lines_are_commented_and_ca_survives()
    {
        var count = _openrc.CommentGettys();

        var text = _fs.ReadAllText("etc/inittab");
        Assert.Equal(6, count);
        Assert.Contains("\nca:12345:ctrlaltdel:/sbin/shutdown -r now\n", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split('\n').Count(l => l.StartsWith("#c", StringComparison.Ordinal)));
        Assert.Equal(0, _openrc.CommentGettys());
    }

    [Fact]
    public void The_power_fail_line_is_added_once_or_replaces_an_existing_one()
    {
        Assert.True(_openrc.EnsurePowerFailLine());
        Assert.False(_openrc.EnsurePowerFailLine());
        _fs.WriteAllText("etc/inittab", "id:3:initdefault:\npf::powerwait:/etc/init.d/powerfail start\n");

        _openrc.EnsurePowerFailLine();

        Assert.Equal("id:3:initdefault:\npf:12345:powerwait:/sbin/halt\n", _fs.ReadAllText("etc/inittab"));
    }

    [Fact]
    public void Dropping_by_keyword_reports_each_service_and_why()
    {
        var dropped = _openrc.DropServicesThatCannotRunUnder("docker");

        Assert.Equal(
            ["boot/backlight: keyword -containers", "boot/hostname: keyword -docker", "boot/localmount: keyword -docker",
             "default/netmount: keyword -docker", "sysinit/devfs: keyword -docker"],
            dropped.Select(d => $"{d.Level}/{d.Service}: {d.Reason}"));
        Assert.Equal(dropped, _openrc.Dropped);
        Assert.False(_fs.Exists("etc/runlevels/boot/hostname"));
        Assert.True(_fs.Exists("etc/init.d/hostname"));
    }

    [Fact]
    public void The_legacy_list_drops_only_scripts_without_a_keyword_line()
    {
        var dropped = _openrc.DropUnkeyworded(
            [new("boot", "sysctl"), new("boot", "bootmisc"), new("sysinit", "udev"), new("boot", "absent")], "legacy");

        Assert.Equal([new DroppedService("sysinit", "udev", "legacy")], dropped);
        Assert.True(_fs.Exists("etc/runlevels/boot/sysctl"));
    }
}
