using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Helpers;
using Boxer.Core.Tests.Recipes.Support;

namespace Boxer.Core.Tests.Recipes;

// openrc-server on systemd and unknown inits; minimal.csx; sshd.csx composing openrc-server.
public sealed class ShippedRecipeSpecs : IDisposable
{
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task A_systemd_stage3_gets_the_systemd_equivalent_and_no_rc_conf()
    {
        var fs = MiniSystemdStage.Create();
        var context = _sandbox.Context(fs, "docker", InitSystem.Systemd);

        await _sandbox.RunAsync(RecipeSandbox.Shipped("openrc-server.csx"), context);

        Assert.False(fs.Exists("etc/rc.conf"));
        Assert.Equal("/dev/null", fs.Get("etc/systemd/system/getty@.service").LinkTarget);
        Assert.Equal("/dev/null", fs.Get("etc/systemd/system/systemd-udevd.service").LinkTarget);
        Assert.Equal(["/sbin/init"], context.Image.Entrypoint);
        Assert.Equal("SIGRTMIN+3", context.Image.StopSignal);
        Assert.Equal("docker", context.Image.Env["container"]);
        Assert.Equal("../usr/share/zoneinfo/UTC", fs.Get("etc/localtime").LinkTarget);
        Assert.Empty(fs.Glob("usr/lib/modules/*"));
    }

    [Fact]
    public async Task A_stage3_without_OpenRC_or_systemd_stops_with_a_clear_message()
    {
        var recipe = RecipeSandbox.Shipped("openrc-server.csx");
        var context = _sandbox.Context(MiniStage.Create(), "docker", InitSystem.Other);

        var error = await Assert.ThrowsAsync<RecipeException>(() => _sandbox.RunAsync(recipe, context));

        Assert.Equal(
            $"{recipe}:24: openrc-server: the stage3's init system is Other, not OpenRC or systemd; use --recipe minimal or --recipe none",
            error.Message);
    }

    [Fact]
    public async Task Minimal_only_cleans()
    {
        var (fs, context, _) = await _sandbox.RunOnMiniStageAsync(RecipeSandbox.Shipped("minimal.csx"), "docker");

        Assert.Empty(fs.Glob("usr/src/*"));
        Assert.Equal(MiniStage.RcConfText, fs.ReadAllText("etc/rc.conf"));
        Assert.Equal(MiniStage.InittabText, fs.ReadAllText("etc/inittab"));
        Assert.Empty(context.Image.Entrypoint);
    }

    [Fact]
    public async Task Sshd_adds_the_service_to_openrc_server_and_bakes_in_no_host_keys()
    {
        var (fs, context, result) = await _sandbox.RunOnMiniStageAsync(RecipeSandbox.Shipped("sshd.csx"), "docker");

        Assert.Equal("/etc/init.d/sshd", fs.Get("etc/runlevels/default/sshd").LinkTarget);
        Assert.Contains("rc_sys=\"docker\"\n", fs.ReadAllText("etc/rc.conf"), StringComparison.Ordinal);
        Assert.Empty(fs.Glob("etc/ssh/ssh_host_*"));
        Assert.True(fs.Exists("etc/ssh/sshd_config"));
        Assert.Contains("22/tcp", context.Image.ExposedPorts);
        Assert.Equal(["openrc-server.csx", "policy.csx", "cleanup.csx", "openrc-container.csx", "systemd-container.csx", "docker-init.csx"],
            RecipeSourceSet.Read(RecipeSandbox.Shipped("sshd.csx")).Sources.Skip(1).Select(s => Path.GetFileName(s.FullPath)));
        Assert.Contains(result.Globals.Log.Messages, m =>
            m.Level == BuildLogLevel.Warning && m.Message == "removed 2 SSH host key files from the image; each container generates its own at first boot");
    }

    [Fact]
    public async Task Sshd_on_systemd_enables_the_unit()
    {
        var fs = MiniSystemdStage.Create();

        await _sandbox.RunAsync(RecipeSandbox.Shipped("sshd.csx"), _sandbox.Context(fs, "docker", InitSystem.Systemd));

        Assert.Equal("/usr/lib/systemd/system/sshd.service", fs.Get("etc/systemd/system/multi-user.target.wants/sshd.service").LinkTarget);
        Assert.Empty(fs.Glob("etc/ssh/ssh_host_*"));
    }

    [Fact]
    public void Paths_resolve_through_symlinks_inside_the_tree()
    {
        var fs = MiniSystemdStage.Create();

        Assert.Equal("usr/lib/systemd/systemd", TreePaths.Resolve(fs, "/sbin/init"));
        Assert.Equal("usr/lib/systemd/system/sshd.service", TreePaths.Resolve(fs, "lib/systemd/system/sshd.service"));
        Assert.Null(TreePaths.Resolve(fs, "/etc/localtime"));
        fs.CreateSymlink("loop", "/loop");
        Assert.Null(TreePaths.Resolve(fs, "loop"));
    }

    public void Dispose() => _sandbox.Dispose();
}
