using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// <c>boxer overlay create --size MiB FILE</c> and <c>boxer sif --overlay-size</c> on the command line: the
/// standalone image, its refusals (exit 2 before anything is written), and a missing mkfs.ext3 (exit 4, one
/// line naming e2fsprogs, nothing left), found by running boxer with a PATH that lacks /usr/sbin.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OverlayCliSpecs : IDisposable
{
    /// <summary>dotnet is in /usr/bin; mkfs.ext3 and debugfs are in /usr/sbin (/sbin is a link to it on Debian 12).</summary>
    private static readonly Dictionary<string, string?> WithoutSbin = new() { ["PATH"] = "/usr/bin:/bin" };

    private readonly TempDir _dir = new("boxer-overlay-cli-");

    private static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    [Fact]
    public async Task Overlay_create_writes_a_clean_0600_ext3_image_the_same_twice_under_SOURCE_DATE_EPOCH()
    {
        var epoch = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1750000000" };

        var first = await BoxerHost.RunAsync(["overlay", "create", "--size", "64", "a.img"], epoch, _dir.Path);
        var second = await BoxerHost.RunAsync(["overlay", "create", "--size", "64", "b.img"], epoch, _dir.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        string image = _dir.Combine("a.img");
        Assert.Equal([$"overlay file {image} 67.1 MB", $"sudo singularity instance start --boot --overlay {image} IMAGE.sif NAME"], first.StdOutLines);
        Assert.Equal(64L << 20, new FileInfo(image).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(image));
        var fsck = ExternalTool.Run(ExternalTool.Require("e2fsck"), ["-fn", image]);
        Assert.True(fsck.ExitCode == 0, $"e2fsck -fn: exit {fsck.ExitCode}\n{fsck.Stdout}{fsck.Stderr}");
        Assert.Contains(" upper\n", ExternalTool.RunChecked(ExternalTool.Require("debugfs"), "-R", "ls -l", image).Stdout, StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(image).AsSpan().SequenceEqual(File.ReadAllBytes(_dir.Combine("b.img"))), "the two images differ");
        Assert.Equal(2, Directory.GetFileSystemEntries(_dir.Path).Length);
    }

    [Fact]
    public async Task Sif_overlay_size_prints_the_writable_hint_and_inspect_names_the_overlay_partition()
    {
        var build = await BoxerHost.RunAsync(
            ["sif", "--stage", DemoStage, "--recipe", "none", "--overlay-size", "64", "--out", "demo.sif", "--quiet"],
            new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1750000000" }, _dir.Path);
        var inspect = await BoxerHost.RunAsync(["inspect", _dir.Combine("demo.sif")], new Dictionary<string, string?>(), _dir.Path);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal($"sudo singularity instance start --boot --writable {_dir.Combine("demo.sif")} demo", build.StdOutLines[^1]);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        // Object 4 is the SBOM (by default); the overlay is appended last.
        Assert.Contains("5 Partition 67108864 bytes (ext3 overlay partition)", inspect.StdOutLines);
        Assert.Single(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Theory]
    [InlineData("63|new.img", "boxer: overlay create: --size: must be 64 to 1048576 MiB, not 63 (see --help)")]
    [InlineData("2000000|new.img", "boxer: overlay create: --size: must be 64 to 1048576 MiB, not 2000000 (see --help)")]
    [InlineData("4G|new.img", "boxer: overlay create: --size: '4G' is not a whole number (see --help)")]
    [InlineData("64|EXISTING", "boxer: overlay create: EXISTING already exists; use --force to overwrite it (see --help)")]
    [InlineData("64|DIR", "boxer: overlay create: refusing to replace DIR: it is a directory, not a regular file (see --help)")]
    [InlineData("64|/dev/null|--force", "boxer: overlay create: refusing to replace /dev/null: it is a character device, not a regular file (see --help)")]
    public async Task A_bad_size_or_destination_is_a_usage_error_and_nothing_is_written(string args, string message)
    {
        string existing = _dir.Combine("existing.img");
        File.WriteAllText(existing, "keep");
        string folder = Directory.CreateDirectory(_dir.Combine("dir")).FullName;
        string Fill(string text) => text.Replace("EXISTING", existing, StringComparison.Ordinal).Replace("DIR", folder, StringComparison.Ordinal);
        string[] parts = args.Split('|');

        var result = await BoxerHost.RunAsync(["overlay", "create", "--size", .. parts.Select(Fill)], new Dictionary<string, string?>(), _dir.Path);

        Assert.True(result.ExitCode == ExitCode.Usage, result.ToString());
        Assert.Equal([Fill(message)], result.StdErrLines);
        Assert.Equal("keep", File.ReadAllText(existing));
        Assert.Equal(2, Directory.GetFileSystemEntries(_dir.Path).Length);
    }

    [Fact]
    public async Task Without_mkfs_ext3_on_PATH_overlay_create_names_e2fsprogs_and_writes_nothing()
    {
        var result = await BoxerHost.RunAsync(["overlay", "create", "--size", "64", "x.img"], WithoutSbin, _dir.Path);

        Assert.True(result.ExitCode == ExitCode.TargetFailure, result.ToString());
        Assert.Equal(["boxer: overlay: an ext3 overlay needs mkfs.ext3, which is not on PATH; install the e2fsprogs package"], result.StdErrLines);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task Without_mkfs_ext3_on_PATH_sif_overlay_size_names_e2fsprogs_and_writes_nothing()
    {
        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", DemoStage, "--recipe", "none", "--overlay-size", "64", "--out", "x.sif", "--quiet"], WithoutSbin, _dir.Path);

        Assert.True(result.ExitCode == ExitCode.TargetFailure, result.ToString());
        Assert.Equal(["boxer: sif: an ext3 overlay needs mkfs.ext3, which is not on PATH; install the e2fsprogs package"], result.StdErrLines);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    /// <summary>
    /// A failing e2fsprogs program (a stand-in script first on PATH) stops the build in one line, and neither
    /// the SIF nor the overlay's scratch file is left. debugfs exits 0 after a failed command, so its stderr counts.
    /// </summary>
    [Theory]
    [InlineData("mkfs.ext3", "echo 'mkfs.ext3: no space on the moon' >&2; exit 1", "mkfs.ext3 failed (exit 1): mkfs.ext3: no space on the moon")]
    [InlineData("debugfs", "echo 'debugfs 1.47.0 (5-Feb-2023)' >&2; echo 'mkdir: Could not allocate block' >&2; exit 0", "debugfs failed (exit 0): mkdir: Could not allocate block")]
    public async Task A_failing_e2fsprogs_program_is_one_line_and_leaves_nothing(string tool, string script, string failure)
    {
        string bin = Directory.CreateDirectory(_dir.Combine("bin")).FullName;
        File.WriteAllText(Path.Combine(bin, tool), $"#!/bin/sh\n{script}\n");
        File.SetUnixFileMode(Path.Combine(bin, tool), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string work = Directory.CreateDirectory(_dir.Combine("work")).FullName;

        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", DemoStage, "--recipe", "none", "--overlay-size", "64", "--out", "x.sif", "--quiet"],
            new Dictionary<string, string?> { ["PATH"] = $"{bin}:/usr/sbin:/usr/bin:/sbin:/bin" }, work);

        Assert.True(result.ExitCode == ExitCode.TargetFailure, result.ToString());
        Assert.Equal([$"boxer: sif: cannot make the ext3 overlay for {Path.Combine(work, "x.sif")}: {failure}"], result.StdErrLines);
        Assert.Empty(Directory.GetFileSystemEntries(work));
    }

    [Fact]
    public async Task A_sif_overlay_size_below_64_MiB_is_a_usage_error()
    {
        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", DemoStage, "--recipe", "none", "--overlay-size", "10", "--out", "x.sif"], new Dictionary<string, string?>(), _dir.Path);

        Assert.True(result.ExitCode == ExitCode.Usage, result.ToString());
        Assert.Equal(["boxer: sif: --overlay-size: must be 64 to 1048576 MiB, not 10 (see --help)"], result.StdErrLines);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
