using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// <c>boxer inspect</c> on built images, run as a process: a SIF the host built from the basic fixture (recipe
/// none), and its primary partition cut out with siftool as a bare squashfs (needs root, siftool and the fixture
/// generator's tools, as CI installs them). The image is told by its magic, so the files carry no telling name.
/// </summary>
public sealed class InspectImageSpecs
{
    [Fact]
    public async Task A_SIF_lists_the_entries_of_the_stage3_it_was_built_from_plus_the_singularity_additions()
    {
        using var dir = new TempDir();
        var stage = Fixtures.Basic("xz");
        var sif = await BuildSifAsync(stage, dir);

        var fromStage = await ListAsync(stage);
        var fromSif = await ListAsync(sif);

        var added = fromSif.Keys.Except(fromStage.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(added);
        // The sif target's additions: the /.singularity.d tree, its action links, and the bind-mount points.
        Assert.All(added, path => Assert.True(path.StartsWith("./.singularity.d", StringComparison.Ordinal)
            || path is "./.exec" or "./.run" or "./.shell" or "./.test" or "./environment" or "./singularity"
            || path is "./etc/hosts" or "./etc/resolv.conf", $"unexpected addition {path}"));
        Assert.Contains("./.singularity.d/runscript", added);
        Assert.Empty(fromStage.Keys.Except(fromSif.Keys));
        Assert.All(fromStage, pair => Assert.Equal(pair.Value, fromSif[pair.Key]));
    }

    [Fact]
    public async Task A_SIF_shows_its_header_descriptors_and_partition_facts()
    {
        using var dir = new TempDir();
        var sif = await BuildSifAsync(Fixtures.Basic("xz"), dir);
        var siftool = await ProcessRunner.RunAsync(ExternalTool.Require("siftool"), ["list", sif]);
        // The partition's compression and block size as unsquashfs reads them, not as boxer's writer chose them.
        var partition = dir.Combine("rootfs-image");
        var dump = await ProcessRunner.RunAsync("sh", ["-c", $"'{ExternalTool.Require("siftool")}' dump 3 '{sif}' > '{partition}'"]);
        Assert.True(dump.ExitCode == 0, dump.ToString());
        var superblock = ExternalTool.Run("unsquashfs", ["-s", partition]).EnsureSuccess().Stdout.Split('\n');
        string compression = superblock.Single(l => l.StartsWith("Compression ", StringComparison.Ordinal))["Compression ".Length..];
        string blockSize = superblock.Single(l => l.StartsWith("Block size ", StringComparison.Ordinal))["Block size ".Length..];

        var result = await BoxerHost.RunAsync("inspect", sif);

        Assert.True(result.ExitCode == 0, result.ToString());
        var facts = result.StdOutLines.Select(Squeeze).ToList();
        Assert.Equal("image: basic-image (SIF)", facts[0]);
        Assert.Matches(@"^architecture: \w+ \(\d\d\)$", facts[1]);
        Assert.Contains(facts, f => f.StartsWith("id: ", StringComparison.Ordinal));
        var objects = siftool.StdOutLines.Count(l => l.Length > 0 && char.IsAsciiDigit(l[0]));
        Assert.Contains($"descriptors: {objects}", facts);
        Assert.Contains(facts, f => f.EndsWith("squashfs-rootfs (primary system partition)", StringComparison.Ordinal));
        Assert.Contains($"squashfs compression: {compression}", facts);
        Assert.Contains($"squashfs block size: {blockSize}", facts);
        Assert.Contains(facts, f => f.StartsWith("squashfs inodes: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_squashfs_lists_exactly_what_the_SIF_holds()
    {
        using var dir = new TempDir();
        var sif = await BuildSifAsync(Fixtures.Basic("xz"), dir);
        var partition = dir.Combine("rootfs-image");
        var dump = await ProcessRunner.RunAsync("sh", ["-c", $"'{ExternalTool.Require("siftool")}' dump 3 '{sif}' > '{partition}'"]);
        Assert.True(dump.ExitCode == 0, dump.ToString());

        var fromSif = await BoxerHost.RunAsync("inspect", sif, "--list", "--xattrs");
        var fromSquashfs = await BoxerHost.RunAsync("inspect", partition, "--list", "--xattrs");
        var facts = await BoxerHost.RunAsync("inspect", partition);

        Assert.True(fromSquashfs.ExitCode == 0, fromSquashfs.ToString());
        Assert.Equal(fromSif.StdOut, fromSquashfs.StdOut);
        Assert.Equal("image: rootfs-image (squashfs)", Squeeze(facts.StdOutLines[0]));
    }

    [Fact]
    public async Task A_file_that_is_neither_image_nor_stage3_is_still_bad_input()
    {
        using var dir = new TempDir();
        var junk = dir.Combine("junk.sif");
        await File.WriteAllBytesAsync(junk, new byte[4096]);

        var result = await BoxerHost.RunAsync("inspect", junk, "--quiet");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Single(result.StdErrLines);
    }

    private static async Task<string> BuildSifAsync(string stage, TempDir dir)
    {
        var sif = dir.Combine("basic-image");
        var build = await BoxerHost.RunAsync("sif", "--stage", stage, "--out", sif, "--recipe", "none", "--quiet");
        Assert.True(build.ExitCode == 0, build.ToString());
        return sif;
    }

    private static async Task<Dictionary<string, ListedEntry>> ListAsync(string path)
    {
        var result = await BoxerHost.RunAsync("inspect", path, "--list", "--xattrs", "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        return ListedEntry.ParseBoxerListing(result.StdOut.Split('\n')).ToDictionary(e => e.Path, StringComparer.Ordinal);
    }

    private static string Squeeze(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
