using System.Text.RegularExpressions;
using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Tests.Recipes.Support;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Recipes;

// recipes/openrc-server.csx run on a Gentoo-like OpenRC tree: each rule of STAGE3.md's per-target table.
public sealed class OpenRcServerSpecs : IDisposable
{
    private static readonly string Recipe = RecipeSandbox.Shipped("openrc-server.csx");
    private static readonly string CommentedGettys = Regex.Replace(MiniStage.InittabText, "^(c[1-6]:)", "#$1", RegexOptions.Multiline);
    private readonly RecipeSandbox _sandbox = new();

    [Theory]
    [InlineData("docker", "rc_sys=\"docker\"")]
    [InlineData("sif", "rc_sys=\"lxc\"")]
    [InlineData("lxd", "#rc_sys=\"\"")]
    public async Task Rc_sys_follows_the_target(string target, string line)
    {
        var (fs, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, target);

        Assert.Contains(line + "\n", fs.ReadAllText("etc/rc.conf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_inittab_keeps_ca_comments_gettys_and_gains_the_power_fail_line()
    {
        var (fs, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "docker");

        var expected = CommentedGettys + "pf:12345:powerwait:/sbin/halt\n";
        Assert.Equal(expected, fs.ReadAllText("etc/inittab"));
        Assert.Contains("\nca:12345:ctrlaltdel:/sbin/shutdown -r now\n", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sif_inittab_only_comments_gettys_and_lxd_also_enables_the_console()
    {
        var (sif, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "sif");
        var (lxd, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "lxd");

        Assert.Equal(CommentedGettys, sif.ReadAllText("etc/inittab"));
        Assert.EndsWith(
            "pf:12345:powerwait:/sbin/halt\nx1:12345:respawn:/sbin/agetty --noclear 38400 console linux\n",
            lxd.ReadAllText("etc/inittab"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker", "boot/bootmisc default/dockerok default/local")]
    [InlineData("sif", "boot/bootmisc default/local sysinit/devfs")]
    [InlineData("lxd", "boot/bootmisc boot/loopback boot/sysctl default/local sysinit/devfs")]
    public async Task Runlevels_keep_exactly_what_the_keywords_allow(string target, string kept)
    {
        var (fs, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, target);

        var enabled = fs.Glob("etc/runlevels/*/*").Select(e => e.Path["etc/runlevels/".Length..]);
        Assert.Equal(kept, string.Join(' ', enabled));
    }

    [Fact]
    public async Task Docker_drops_are_reported_with_their_reasons()
    {
        var (_, _, result) = await _sandbox.RunOnMiniStageAsync(Recipe, "docker");

        Assert.Equal(
            [
                "boot/backlight: keyword -containers",
                "boot/hostname: keyword -docker",
                "boot/localmount: keyword -docker",
                "default/netmount: keyword -docker",
                "sysinit/devfs: keyword -docker",
                "sysinit/udev: no keyword line; on the original boxer's list",
                "boot/loopback: the runtime configures lo; no CAP_NET_ADMIN inside",
                "boot/sysctl: kernel parameters belong to the host; /proc/sys is read-only inside",
            ],
            result.Globals.OpenRC.Dropped.Select(d => $"{d.Level}/{d.Service}: {d.Reason}"));
    }

    [Theory]
    [InlineData("docker", "boot/hostname: the runtime sets the host name; no CAP_SYS_ADMIN inside|sysinit/udev: the runtime provides /dev; no device events inside")]
    [InlineData("lxd", "sysinit/udev: keyword -lxc")]
    public async Task Older_scripts_whose_keywords_predate_containers_are_still_dropped_where_the_runtime_owns_their_job(
        string target, string expected)
    {
        // Debian bookworm's OpenRC 0.45: hostname and udev carry keyword lines, but not -docker.
        var fs = MiniStage.Create();
        fs.WriteAllText("etc/init.d/hostname", MiniStage.Script("-prefix -systemd-nspawn"));
        fs.WriteAllText("etc/init.d/udev", MiniStage.Script("-lxc -openvz -prefix -vserver"));

        var result = await _sandbox.RunAsync(Recipe, _sandbox.Context(fs, target));

        var drops = result.Globals.OpenRC.Dropped.Where(d => d.Service is "hostname" or "udev").Select(d => $"{d.Level}/{d.Service}: {d.Reason}");
        Assert.Equal(expected, string.Join('|', drops.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Dropping_loopback_declares_it_provided_so_need_net_still_starts()
    {
        var (docker, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "docker");
        var (lxd, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "lxd");

        Assert.Contains("\nrc_provide=\"loopback net\"\n", docker.ReadAllText("etc/rc.conf"), StringComparison.Ordinal);
        Assert.DoesNotContain("\nrc_provide=", lxd.ReadAllText("etc/rc.conf"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker", "../usr/share/zoneinfo/UTC", "")]
    [InlineData("lxd", "../usr/share/zoneinfo/UTC", "")]
    [InlineData("sif", "../usr/share/zoneinfo/Europe/Berlin", "proc /proc proc defaults 0 0\n")]
    public async Task Time_zone_and_fstab_follow_the_target(string target, string localtime, string fstab)
    {
        var (fs, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, target);

        Assert.Equal(localtime, fs.Get("etc/localtime").LinkTarget);
        Assert.Equal(fstab, fs.ReadAllText("etc/fstab"));
        Assert.Equal(target != "sif", fs.Exists("etc/timezone"));
    }

    [Theory]
    [InlineData("docker")]
    [InlineData("sif")]
    public async Task Kernel_sources_modules_and_meta_repo_go_but_the_package_database_stays(string target)
    {
        var (fs, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, target);

        Assert.Empty(fs.Glob("usr/src/*"));
        Assert.Empty(fs.Glob("lib/modules/*"));
        Assert.Empty(fs.Glob("var/git/*"));
        Assert.True(fs.Exists("var/db/pkg/sys-kernel/gentoo-sources-6.6.13/CONTENTS"));
        Assert.Equal(target != "sif", fs.Exists("etc/mtab"));
    }

    [Fact]
    public async Task Pruning_the_package_database_is_opt_in_and_warns()
    {
        var (fs, _, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "docker", "prune-pkgdb=true");

        Assert.False(fs.Exists("var/db/pkg/sys-kernel/gentoo-sources-6.6.13"));
        var warning = Assert.Single(_sandbox.Events.OfType<LogMessage>(), m => m.Level == BuildLogLevel.Warning);
        Assert.StartsWith("prune-pkgdb: removed 2 entries", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker", "/usr/lib/boxer/docker-init", "SIGPWR")]
    [InlineData("sif", "/sbin/init", null)]
    [InlineData("lxd", "/sbin/init", null)]
    public async Task The_image_boots_init_and_docker_stops_it_with_SIGPWR(string target, string entrypoint, string? signal)
    {
        var (fs, context, _) = await _sandbox.RunOnMiniStageAsync(Recipe, target);

        Assert.Equal([entrypoint], context.Image.Entrypoint);
        Assert.Equal(signal, context.Image.StopSignal);
        Assert.Equal((EntryKind.Directory, 0b111_101_101), (fs.Get("run/lock").Kind, fs.Get("run/lock").Mode));
    }

    [Fact]
    public async Task Docker_gets_a_PID_1_that_runs_the_runlevels_and_exits_after_shutdown()
    {
        var (fs, context, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "docker");

        var init = fs.Get("usr/lib/boxer/docker-init");
        Assert.Equal((EntryKind.File, 0b111_101_101, 0, 0), (init.Kind, init.Mode, init.Uid, init.Gid));
        string script = fs.ReadAllText("usr/lib/boxer/docker-init");
        Assert.StartsWith("#!/bin/sh\n", script, StringComparison.Ordinal);
        Assert.Contains("trap stop PWR TERM INT", script, StringComparison.Ordinal);
        Assert.Contains("openrc shutdown || exit \"$?\"", script, StringComparison.Ordinal);
        Assert.Contains("exit 1\n", script, StringComparison.Ordinal);
        Assert.Equal(["/run"], context.Image.Volumes);
        // sysvinit stays for a `docker-init=sysvinit` build, so the inittab keeps its power-fail line.
        Assert.Contains("pf:12345:powerwait:/sbin/halt", fs.ReadAllText("etc/inittab"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_init_can_be_left_to_sysvinit_and_rejects_unknown_choices()
    {
        var (fs, context, _) = await _sandbox.RunOnMiniStageAsync(Recipe, "docker", "docker-init=sysvinit");

        Assert.Equal(["/sbin/init"], context.Image.Entrypoint);
        Assert.False(fs.Exists("usr/lib/boxer/docker-init"));
        Assert.Empty(context.Image.Volumes);
        var error = await Assert.ThrowsAsync<RecipeException>(
            () => _sandbox.RunOnMiniStageAsync(Recipe, "docker", "docker-init=tini"));
        Assert.EndsWith("--set docker-init=tini: expected 'boxer' (the default) or 'sysvinit'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untouched_entries_keep_their_metadata_and_bytes()
    {
        var fs = MiniStage.Create();
        var before = fs.Clone();

        await _sandbox.RunAsync(Recipe, _sandbox.Context(fs, "docker"));

        var changed = before.Entries.Where(e => fs.Find(e.Path) is { } now && (now != e || !SameBytes(before, fs, e)))
            .Select(e => e.Path);
        Assert.Equal(["etc/fstab", "etc/inittab", "etc/localtime", "etc/rc.conf"], changed);
        Assert.Equal(before.Get("bin/ping").Xattrs["security.capability"], fs.Get("bin/ping").Xattrs["security.capability"]);
    }

    private static bool SameBytes(RootFs a, RootFs b, FsEntry e) =>
        !e.HasContent || a.ReadAllBytes(e.Path).AsSpan().SequenceEqual(b.ReadAllBytes(e.Path));

    public void Dispose() => _sandbox.Dispose();
}
