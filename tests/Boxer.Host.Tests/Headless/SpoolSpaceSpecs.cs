using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// The import spool (an unlinked file in TMPDIR) on a full disk is the machine's problem, not the stage3's:
/// exit 4 with a line naming the directory. Mounts small tmpfs as TMPDIR, so it needs root (as CI runs).
/// </summary>
public sealed class SpoolSpaceSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-spool-space-");
    private readonly List<string> _mounts = [];

    private static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    [Fact]
    public async Task A_spool_disk_that_fills_during_the_import_exits_4_naming_it()
    {
        string tmp = Mount("size=256k");

        var result = await BuildAsync(DemoStage, tmp);

        Assert.True(result.ExitCode == ExitCode.TargetFailure, result.ToString());
        Assert.Equal(
            $"boxer: no space left in {tmp}/ for the import spool, which holds the stage3's unpacked content; free space there or set TMPDIR to a larger disk",
            result.StdErrLines[^1]);
        Assert.Empty(Directory.GetFileSystemEntries(tmp, "boxer-spool-*"));
    }

    [Fact]
    public async Task A_plain_tar_larger_than_the_spool_disk_is_refused_before_the_import()
    {
        string tmp = Mount("size=64k");
        string stage = _dir.Combine("big.tar");
        File.WriteAllBytes(_dir.Combine("blob"), new byte[200_000]);
        ExternalTool.RunChecked("tar", "-cf", stage, "-C", _dir.Path, "blob");

        var result = await BuildAsync(stage, tmp);

        Assert.True(result.ExitCode == ExitCode.TargetFailure, result.ToString());
        Assert.StartsWith($"boxer: the import spool needs up to {new FileInfo(stage).Length} bytes in {tmp}/ ", result.StdErrLines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(result.StdErrLines, l => l.Contains("import started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verbose_says_where_the_unlinked_spool_lives()
    {
        var result = await BoxerHost.RunAsync(
            ["inspect", DemoStage, "--verbose"], new Dictionary<string, string?> { ["TMPDIR"] = _dir.Path }, _dir.Path);

        Assert.True(result.ExitCode == ExitCode.Success, result.ToString());
        Assert.Contains($"boxer: import spool: an unlinked file in {_dir.Path}/ (TMPDIR), counted by df but not du, freed when boxer exits", result.StdErrLines);
    }

    public void Dispose()
    {
        foreach (string mount in _mounts)
        {
            ExternalTool.Run("umount", [mount]);
        }
        _dir.Dispose();
    }

    private Task<ProcessResult> BuildAsync(string stage, string tmp) => BoxerHost.RunAsync(
        ["sif", "--stage", stage, "--recipe", "none", "--out", _dir.Combine("x.sif")],
        new Dictionary<string, string?> { ["TMPDIR"] = tmp }, _dir.Path);

    private string Mount(string options)
    {
        Assert.True(Environment.UserName == "root", "this test mounts a tmpfs and needs root (CI runs tests as root)");
        string mount = _dir.Combine("tmp" + _mounts.Count);
        Directory.CreateDirectory(mount);
        ExternalTool.RunChecked("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount);
        _mounts.Add(mount);
        return mount;
    }
}
