using Boxer.Abstractions;
using Boxer.Formats.Sif;
using Boxer.Targets.Singularity.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>The SIF's partition mounted by the kernel at its offset, as Singularity mounts it (needs root).</summary>
public sealed class SifKernelMountSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-sif-mount-");
    private readonly TargetHarness _harness = new();
    private string? _mounted;

    [Fact]
    public async Task The_kernel_mounts_the_partition_at_its_offset_with_owners_links_devices_and_capabilities()
    {
        Assert.True(Environment.UserName == "root", "mounting needs root (CI runs tests as root)");
        var artifacts = await new SingularityTarget().BuildAsync(
            _harness.Context(_dir.Path, new() { ["out"] = "m.sif" }, new UnixTime(1_750_000_000)), CancellationToken.None);
        string sif = artifacts[0].Location;
        var partition = SifReader.Read(sif).PrimaryPartition!;
        string root = _dir.Combine("mnt");
        Directory.CreateDirectory(root);
        ExternalTool.RunChecked("mount", "-t", "squashfs", "-o", $"loop,ro,offset={partition.Offset},sizelimit={partition.Size}", sif, root);
        _mounted = root;

        string links = ExternalTool.RunChecked("stat", "-c", "%i %h %a %u:%g", Path.Combine(root, "bin/ping"), Path.Combine(root, "bin/ping6")).Stdout;
        string device = ExternalTool.RunChecked("stat", "-c", "%F %Hr,%Lr", Path.Combine(root, "dev/null")).Stdout.Trim();
        string owner = ExternalTool.RunChecked("stat", "-c", "%u:%g", Path.Combine(root, "home/portage")).Stdout.Trim();
        string caps = ExternalTool.RunChecked("getfattr", "--absolute-names", "-n", "security.capability", "-e", "hex", Path.Combine(root, "bin/ping")).Stdout;
        string runscript = File.ReadAllText(Path.Combine(root, "singularity"));

        var pair = links.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pair[0], pair[1]);
        Assert.EndsWith(" 2 4755 0:0", pair[0], StringComparison.Ordinal);
        Assert.Equal("character special file 1,3", device);
        Assert.Equal("250:250", owner);
        Assert.Contains("security.capability=0x" + Convert.ToHexStringLower(TargetHarness.Capability), caps, StringComparison.Ordinal);
        Assert.Contains("exec /bin/bash --login", runscript, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_mounted is not null)
        {
            ExternalTool.Run("umount", [_mounted]);
        }
        _harness.Dispose();
        _dir.Dispose();
    }
}
