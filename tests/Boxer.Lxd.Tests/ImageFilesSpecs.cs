using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary>What <c>boxer lxd</c> writes, checked with unsquashfs, GNU tar and xz.</summary>
[Collection(LxdCollection.Name)]
public sealed class ImageFilesSpecs(SamplePlugin plugin)
{
    private const string Epoch = "1700000000";

    [Fact]
    public async Task A_split_image_is_a_squashfs_and_an_xz_metadata_tarball_that_the_real_tools_accept()
    {
        using var dir = new TempDir("boxer-lxd-split-");

        var result = await BuildAsync(dir.Path);

        Assert.True(result.Succeeded, result.Stderr);
        var squashfs = ExternalTool.RunChecked("unsquashfs", "-s", dir.Combine("rootfs.squashfs"));
        Assert.Contains("Compression gzip", squashfs.Stdout, StringComparison.Ordinal);
        var members = ExternalTool.RunChecked("tar", "-tJf", dir.Combine("metadata.tar.xz")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["metadata.yaml", "templates/", "templates/hostname.tpl", "templates/hosts.tpl"], members);
        Assert.Contains(
            $"  lxc image import {dir.Combine("metadata.tar.xz")} {dir.Combine("rootfs.squashfs")} --alias basic",
            result.Stdout.Split('\n'));
    }

    [Fact]
    public async Task The_metadata_names_the_architecture_the_stage3_the_recipe_and_templates_the_hostname()
    {
        using var dir = new TempDir("boxer-lxd-meta-");
        Assert.True((await BuildAsync(dir.Path)).Succeeded);

        var yaml = ExternalTool.RunChecked("tar", "-xOJf", dir.Combine("metadata.tar.xz"), "metadata.yaml").Stdout;
        var hostname = ExternalTool.RunChecked("tar", "-xOJf", dir.Combine("metadata.tar.xz"), "templates/hostname.tpl").Stdout;

        Assert.Contains("architecture: \"x86_64\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains($"creation_date: {Epoch}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  description: \"Gentoo 2.15 x86_64 (openrc) from basic.tar.xz, recipe openrc-server.csx\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  os: \"Gentoo\"\n  release: \"2.15\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  /etc/hostname:\n    when:\n      - create\n      - copy\n", yaml, StringComparison.Ordinal);
        Assert.Equal("{{ container.name }}\n", hostname);
        // The stage's provenance, under the keys every output uses: a local file with nothing beside it is unverified.
        var stage = Fixtures.Basic("xz");
        var sha512 = Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(stage)));
        Assert.Contains($"  io.boxer.stage3.sha512: \"{sha512}\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  io.boxer.stage3.signer: \"unverified\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains($"  io.boxer.stage3.source: \"{Path.GetFullPath(stage)}\"\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_builds_with_the_same_SOURCE_DATE_EPOCH_are_byte_identical_in_both_forms()
    {
        using var first = new TempDir("boxer-lxd-repro-");
        using var second = new TempDir("boxer-lxd-repro-");

        foreach (var dir in new[] { first.Path, second.Path })
        {
            Assert.True((await BuildAsync(dir)).Succeeded);
            Assert.True((await BuildAsync(dir, "--unified")).Succeeded);
        }

        foreach (var name in new[] { "metadata.tar.xz", "rootfs.squashfs", "basic.tar.gz" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(first.Combine(name)), await File.ReadAllBytesAsync(second.Combine(name)));
        }
    }

    [Fact]
    public async Task A_unified_image_holds_the_same_tree_under_rootfs_as_the_split_squashfs()
    {
        using var dir = new TempDir("boxer-lxd-unified-");
        Assert.True((await BuildAsync(dir.Path)).Succeeded);
        Assert.True((await BuildAsync(dir.Path, "--unified", "--alias", "one")).Succeeded);

        var tarPaths = ExternalTool.RunChecked("tar", "-tzf", dir.Combine("one.tar.gz")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var squashPaths = ExternalTool.RunChecked("unsquashfs", "-d", "", "-l", dir.Combine("rootfs.squashfs")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('/'));

        Assert.Equal(["metadata.yaml", "templates/", "templates/hostname.tpl", "templates/hosts.tpl", "rootfs/"], tarPaths.Take(5));
        var expected = squashPaths.Select(p => "rootfs" + p).Order(StringComparer.Ordinal);
        var actual = tarPaths.Skip(5).Select(p => p.TrimEnd('/')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_missing_output_directory_is_refused_in_one_line_and_nothing_is_written()
    {
        using var dir = new TempDir("boxer-lxd-missing-");
        var missing = dir.Combine("not", "there");

        var result = await BuildAsync(missing);

        Assert.False(result.Succeeded);
        Assert.Contains($"output directory {missing} does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_destination_that_is_no_regular_file_is_refused_in_one_line_and_no_part_of_the_image_is_written()
    {
        using var dir = new TempDir("boxer-lxd-blocked-");
        Directory.CreateDirectory(dir.Combine("rootfs.squashfs", "in-the-way"));

        var result = await BuildAsync(dir.Path);

        Assert.False(result.Succeeded);
        Assert.Contains($"boxer: lxd: refusing to replace {dir.Combine("rootfs.squashfs")}: it is a directory, not a regular file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["rootfs.squashfs"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Without_an_LXD_import_tells_the_lxc_command_and_still_succeeds()
    {
        using var dir = new TempDir("boxer-lxd-nolxd-");
        using var noLxd = new TempDir("boxer-lxd-dir-");
        var environment = new Dictionary<string, string?> { ["LXD_DIR"] = noLxd.Path };

        var result = await BoxerRun.RunAsync(plugin.PluginsRoot, environment,
            "lxd", "--stage", Fixtures.Basic(), "--out", dir.Path, "--import", "--alias", "mine");

        Assert.True(result.Succeeded, result.Stderr);
        var command = $"lxc image import {dir.Combine("metadata.tar.xz")} {dir.Combine("rootfs.squashfs")} --alias mine";
        Assert.Contains($"no LXD is running at {Path.Combine(noLxd.Path, "unix.socket")}; import the image with: {command}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  " + command, result.Stdout.Split('\n'));
        Assert.DoesNotContain("engine-image", result.Stdout, StringComparison.Ordinal);
    }

    private Task<ToolResult> BuildAsync(string outDir, params string[] extra) =>
        BoxerRun.RunAsync(plugin.PluginsRoot, new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = Epoch },
            ["lxd", "--stage", Fixtures.Basic(), "--out", outDir, .. extra]);
}
