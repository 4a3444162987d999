using Boxer.Abstractions;
using Boxer.Targets.Singularity.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// Failures while writing leave nothing behind and say what happened in one line. Uses small tmpfs mounts,
/// so it needs root (CI runs the tests as root).
/// </summary>
public sealed class SifWriteFailureSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-sif-fail-");
    private readonly List<string> _mounts = [];

    [Fact]
    public async Task A_full_disk_gives_a_clear_message_and_no_partial_file()
    {
        string mount = Mount("size=256k");
        using var harness = new TargetHarness(randomBytes: 2_000_000);

        var error = await Assert.ThrowsAsync<TargetException>(() => new SingularityTarget().BuildAsync(
            harness.Context(mount, new() { ["out"] = "full.sif" }), CancellationToken.None));

        Assert.Equal($"no space left on the device while writing {Path.Combine(mount, "full.sif")}", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(mount));
    }

    [Fact]
    public async Task An_unwritable_directory_gives_a_clear_message_and_no_file()
    {
        string mount = Mount("ro");
        using var harness = new TargetHarness();

        var error = await Assert.ThrowsAsync<TargetException>(() => new SingularityTarget().BuildAsync(
            harness.Context(mount, new() { ["out"] = "ro.sif" }), CancellationToken.None));

        Assert.Equal($"cannot write {Path.Combine(mount, "ro.sif")}: {mount} is on a read-only file system", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(mount));
    }

    [Fact]
    public async Task A_missing_directory_is_named()
    {
        using var harness = new TargetHarness();

        var error = await Assert.ThrowsAsync<TargetException>(() => new SingularityTarget().BuildAsync(
            harness.Context(_dir.Path, new() { ["out"] = "no/such/dir/x.sif" }), CancellationToken.None));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (string mount in _mounts)
        {
            ExternalTool.Run("umount", [mount]);
        }
        _dir.Dispose();
    }

    private string Mount(string options)
    {
        Assert.True(Environment.UserName == "root", "this test mounts a tmpfs and needs root (CI runs tests as root)");
        string mount = _dir.Combine("mnt" + _mounts.Count);
        Directory.CreateDirectory(mount);
        ExternalTool.RunChecked("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount);
        _mounts.Add(mount);
        return mount;
    }
}
