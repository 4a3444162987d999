using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;
using Boxer.Core.Tests.Recipes.Support;
using Boxer.Core.Tree;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Recipes;

public sealed class RecipePlanSpecs : IDisposable
{
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task The_plan_lists_removals_with_bytes_freed_and_dropped_services_with_reasons()
    {
        var text = PlanTextRenderer.Render(await PlanAsync("openrc-server.csx", MiniStage.Create()));
        // The sizes of what the recipe adds come from the recipe and a real run, not from the plan under test.
        using var tree = (await _sandbox.RunOnMiniStageAsync(RecipeSandbox.Shipped("openrc-server.csx"))).Tree;
        long dockerInit = DockerInitScriptBytes();
        Assert.Equal(dockerInit, tree.Find("usr/lib/boxer/docker-init")?.Size);
        long timezone = tree.Find("etc/timezone")!.Size;
        Assert.Equal("UTC\n", tree.ReadAllText("etc/timezone"));

        Assert.Contains($"""

            Removed: 18 entries, {RemovedKernelAndMetaRepoBytes()} bytes freed
              - /etc/runlevels/boot/backlight -> /etc/init.d/backlight
              - /etc/runlevels/boot/hostname -> /etc/init.d/hostname
              - /etc/runlevels/boot/localmount -> /etc/init.d/localmount
              - /etc/runlevels/boot/loopback -> /etc/init.d/loopback
              - /etc/runlevels/boot/sysctl -> /etc/init.d/sysctl
              - /etc/runlevels/default/netmount -> /etc/init.d/netmount
              - /etc/runlevels/sysinit/devfs -> /etc/init.d/devfs
              - /etc/runlevels/sysinit/udev -> /etc/init.d/udev
              - /lib/modules/6.6.13-gentoo/ (3 entries, 2000 bytes)
              - /usr/src/linux -> linux-6.6.13-gentoo
              - /usr/src/linux-6.6.13-gentoo/ (4 entries, 1500 bytes)
              - /var/git/meta-repo/ (2 entries, 5 bytes)

            Added: 4 entries
              + /etc/timezone ({timezone} bytes)
              + /run/lock/ (1 entries, 0 bytes)
              + /usr/lib/boxer/ (2 entries, {dockerInit} bytes)

            """, text, StringComparison.Ordinal);
        Assert.Contains("""

            Services dropped: 8
              boot/backlight: keyword -containers
              boot/hostname: keyword -docker
              boot/localmount: keyword -docker
              default/netmount: keyword -docker
              sysinit/devfs: keyword -docker
              sysinit/udev: no keyword line; on the original boxer's list
              boot/loopback: the runtime configures lo; no CAP_NET_ADMIN inside
              boot/sysctl: kernel parameters belong to the host; /proc/sys is read-only inside

            Image:
              Entrypoint: ["/usr/lib/boxer/docker-init"]
              Cmd: []
              StopSignal: SIGPWR
              Architecture: amd64
              Volumes: /run

            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_files_are_shown_as_a_unified_diff_and_link_changes_as_metadata()
    {
        var text = PlanTextRenderer.Render(await PlanAsync("openrc-server.csx", MiniStage.Create()));

        Assert.Contains("""
              ~ /etc/localtime
                  link: ../usr/share/zoneinfo/Europe/Berlin -> ../usr/share/zoneinfo/UTC
              ~ /etc/rc.conf
                  --- a/etc/rc.conf
                  +++ b/etc/rc.conf
                  @@ -2,6 +2,6 @@
                   #rc_parallel="NO"
                   # ""               - nothing special
                   # "docker"         - Docker container manager (Linux)
                  -#rc_sys=""
                  -#rc_provide="!net"
                  +rc_sys="docker"
                  +rc_provide="loopback net"
                   rc_tty_number=12

            """, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_and_binary_changes_are_described_field_by_field()
    {
        var plan = await PlanAsync(RecipeSandbox.Fixture("plan/metadata.csx"), MiniStage.Create());

        Assert.Equal(
            [
                "bin/ping: xattr security.capability 0x0100000200200000000000000000000000000000 -> (none)",
                "sbin/init: mtime 1700000000 -> 1800000000",
                "usr/bin/passwd-link: mode 4711 -> 0755",
                "usr/bin/passwd: mode 4711 -> 0755",
                "usr/lib/binary.dat: content 4 -> 3 bytes, binary",
                "var/lib/portage/world: owner 250/250 (portage:portage) -> 0/0",
            ],
            plan.Modified.SelectMany(m => m.Metadata.Select(c => $"{m.Path}: {c.Field} {c.Before} -> {c.After}")
                .Concat(m.Content is { } c ? [$"{m.Path}: content {c.BytesBefore} -> {c.BytesAfter} bytes, {(c.UnifiedDiff is null ? "binary" : "text")}"] : []))
                .Order(StringComparer.Ordinal));
        Assert.Empty(plan.Removed);
        Assert.Empty(plan.Added);
    }

    [Fact]
    public async Task The_json_plan_carries_the_same_facts_for_tools()
    {
        var plan = await PlanAsync("openrc-server.csx", MiniStage.Create());

        using var json = JsonDocument.Parse(PlanJsonRenderer.Render(plan));
        var root = json.RootElement;
        Assert.Equal("openrc-server.csx", root.GetProperty("recipe").GetProperty("name").GetString());
        Assert.Equal(RemovedKernelAndMetaRepoBytes(), root.GetProperty("bytesFreed").GetInt64());
        Assert.Equal(12, root.GetProperty("removed").GetArrayLength());
        Assert.Equal("directory", root.GetProperty("removed")[8].GetProperty("kind").GetString());
        Assert.Equal(["etc/fstab", "etc/inittab", "etc/localtime", "etc/rc.conf"],
            root.GetProperty("modified").EnumerateArray().Select(m => m.GetProperty("path").GetString()));
        Assert.Equal("keyword -docker", root.GetProperty("droppedServices")[1].GetProperty("reason").GetString());
        Assert.Equal("SIGPWR", root.GetProperty("image").GetProperty("stopSignal").GetString());
        Assert.Equal("info", root.GetProperty("log")[1].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Planning_leaves_the_imported_tree_untouched()
    {
        var fs = MiniStage.Create();
        var before = fs.Entries.ToList();

        await PlanAsync("openrc-server.csx", fs);

        Assert.Equal(before, fs.Entries);
        Assert.Equal(MiniStage.RcConfText, fs.ReadAllText("etc/rc.conf"));
    }

    /// <summary>What the mini stage holds under the folders the cleanup removes (kernel sources, modules, meta-repo).</summary>
    private static long RemovedKernelAndMetaRepoBytes()
    {
        using var fs = MiniStage.Create();
        string[] removed = ["lib/modules/6.6.13-gentoo/", "usr/src/linux-6.6.13-gentoo/", "var/git/meta-repo/"];
        long bytes = fs.Entries.Where(e => removed.Any(r => e.Path.StartsWith(r, StringComparison.Ordinal))).Sum(e => e.Size);
        Assert.True(bytes > 0);
        return bytes;
    }

    /// <summary>
    /// The UTF-8 size of recipes/lib/docker-init.csx's <c>DockerInitScript</c>, read from the recipe's source: a
    /// C# raw string literal whose lines lose the closing delimiter's indentation, the last newline excluded.
    /// </summary>
    private static long DockerInitScriptBytes()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Recipes, "lib", "docker-init.csx"));
        int open = Array.IndexOf(lines, "const string DockerInitScript = \"\"\"");
        int close = Array.FindIndex(lines, open + 1, line => line.Trim() == "\"\"\";");
        Assert.True(open >= 0 && close > open, "DockerInitScript's raw string literal is not where this spec looks");
        int indent = lines[close].IndexOf('"', StringComparison.Ordinal);
        var script = string.Join('\n', lines[(open + 1)..close].Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
        Assert.StartsWith("#!/bin/sh\n", script, StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetByteCount(script);
    }

    /// <summary>Plans through the build's own path (one <see cref="TargetRun"/>) with a target named docker that prepares nothing.</summary>
    private async Task<RecipePlan> PlanAsync(string recipe, RootFs fs)
    {
        // The plan's own edits must carry the mini stage's time, so unchanged-looking entries stay unchanged.
        var request = new BuildRequest
        {
            StagePath = MiniStage.Stage().SourcePath,
            Targets = [new TargetRequest(new NamedTarget("docker"), TargetOptionValues.Empty)],
            Finalizer = new RecipeFinalizer(Path.IsPathRooted(recipe) ? recipe : RecipeSandbox.Shipped(recipe), runner: Runner()),
            SourceDateEpoch = fs.NewEntryTime,
        };
        var imported = new ImportedStage(fs, MiniStage.Stage(), "none");
        var plans = await RecipePlanPipeline.PlanAsync(request, imported, new Progress<BuildEvent>(), CancellationToken.None);
        return Assert.Single(plans);
    }

    private RecipeRunner Runner() => new(new RecipeRunnerOptions { CacheDirectory = _sandbox.CacheDirectory });

    public void Dispose() => _sandbox.Dispose();
}
