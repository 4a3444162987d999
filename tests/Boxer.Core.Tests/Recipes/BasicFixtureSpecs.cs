using System.Text.RegularExpressions;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Tests.Recipes.Support;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Recipes;

// openrc-server on the basic fixture stage3 (tests/fixtures), imported for real: the rules hold on a tree
// that came from a tarball, and everything the recipe does not name stays byte for byte as imported.
public sealed class BasicFixtureSpecs : IDisposable
{
    private static readonly string Recipe = RecipeSandbox.Shipped("openrc-server.csx");
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task The_inittab_keeps_ca_and_comments_exactly_the_six_gettys()
    {
        using var stage = await ImportAsync();
        var original = stage.RootFs.ReadAllText("etc/inittab");
        using var tree = await FinalizeAsync(stage, "docker");

        var text = tree.ReadAllText("etc/inittab");
        Assert.Equal(
            Regex.Replace(original, "^(c[1-6]:)", "#$1", RegexOptions.Multiline) + "pf:12345:powerwait:/sbin/halt\n", text);
        Assert.Matches(new Regex("^ca:12345:ctrlaltdel:/sbin/shutdown -r now$", RegexOptions.Multiline), text);
    }

    [Theory]
    [InlineData("docker", "boot/bootmisc default/local default/sshd shutdown/killprocs")]
    [InlineData("sif", "boot/bootmisc default/local default/sshd shutdown/killprocs")]
    [InlineData("lxd", "boot/bootmisc boot/loopback boot/sysctl default/local default/sshd shutdown/killprocs")]
    public async Task Runlevel_links_are_dropped_exactly_as_the_keywords_say(string target, string kept)
    {
        using var stage = await ImportAsync();
        using var tree = await FinalizeAsync(stage, target);

        Assert.Equal(kept, string.Join(' ', tree.Glob("etc/runlevels/*/*").Select(e => e.Path["etc/runlevels/".Length..])));
    }

    [Fact]
    public async Task Untouched_entries_keep_their_metadata_and_bytes()
    {
        using var stage = await ImportAsync();
        using var tree = await FinalizeAsync(stage, "docker");

        var changed = stage.RootFs.Entries
            .Where(e => tree.Find(e.Path) is { } now && (now != e || (e.HasContent && !SameBytes(stage.RootFs, tree, e.Path))))
            .Select(e => e.Path);
        Assert.Equal(["etc/fstab", "etc/inittab", "etc/localtime", "etc/rc.conf"], changed);
        Assert.Equal(stage.RootFs.Get("usr/bin/newuidmap"), tree.Get("usr/bin/newuidmap"));
    }

    [Fact]
    public async Task Sif_keeps_the_time_zone_and_drops_mtab_while_docker_keeps_mtab()
    {
        using var stage = await ImportAsync();
        using var sif = await FinalizeAsync(stage, "sif");
        using var docker = await FinalizeAsync(stage, "docker");

        Assert.Equal(stage.RootFs.Get("etc/localtime"), sif.Get("etc/localtime"));
        Assert.False(sif.Exists("etc/mtab"));
        Assert.Equal("proc /proc proc defaults 0 0\n", sif.ReadAllText("etc/fstab"));
        Assert.True(docker.Exists("etc/mtab"));
        Assert.Equal("../usr/share/zoneinfo/UTC", docker.Get("etc/localtime").LinkTarget);
        Assert.Equal("", docker.ReadAllText("etc/fstab"));
        Assert.True(docker.Exists("var/db/pkg/sys-kernel/debian-sources-6.1.0"));
        Assert.Empty(docker.Glob("lib/modules/*"));
    }

    private static Task<ImportedStage> ImportAsync() => StageImporter.ImportAsync(Boxer.TestSupport.Fixtures.Basic("tar"));

    private async Task<RootFs> FinalizeAsync(ImportedStage stage, string target)
    {
        var tree = stage.RootFs.Clone();
        var context = _sandbox.Context(tree, target) with { Stage = stage.Stage };
        await _sandbox.RunAsync(Recipe, context);
        return tree;
    }

    private static bool SameBytes(IReadOnlyRootFs a, IReadOnlyRootFs b, string path) =>
        a.ReadAllBytes(path).AsSpan().SequenceEqual(b.ReadAllBytes(path));

    public void Dispose() => _sandbox.Dispose();
}
