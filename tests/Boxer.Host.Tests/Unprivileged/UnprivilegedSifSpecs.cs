using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Unprivileged;

/// <summary>
/// The README's promise that boxer builds without root, for SIF: <c>boxer sif --out</c> run as an unprivileged
/// user on the basic fixture writes a squashfs partition that, cut out with siftool and extracted by unsquashfs
/// as root, keeps every entry of the stage3 exactly: owners, devices, setuid/setgid bits, capabilities and hard
/// links, as GNU tar and getfattr list them (the partition also holds the sif target's own additions).
/// </summary>
public sealed class UnprivilegedSifSpecs : IDisposable
{
    private readonly StagedBoxer _boxer = new();
    private readonly TempDir _check = new("boxer-unprivileged-sif-");

    [Fact]
    public async Task An_unprivileged_user_writes_a_partition_that_keeps_every_stage3_entry_exactly()
    {
        string stage = _boxer.Stage(Fixtures.Basic("xz"));

        var result = await _boxer.RunAsync(["sif", "--stage", stage, "--out", "image.sif", "--recipe", "none", "--quiet"], unprivileged: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        string sif = Path.Combine(_boxer.Work, "image.sif");
        Assert.Equal($"{StagedBoxer.UnprivilegedId}", ExternalTool.RunChecked("stat", "-c", "%u", sif).Stdout.Trim());
        var fromStage = GnuTarListing.Read(stage).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var fromSif = ListPartition(sif).ToDictionary(e => e.Path, StringComparer.Ordinal);
        UnprivilegedListings.AssertCoversRootOnlyFeatures(fromStage);
        var kept = fromStage.Select(e => fromSif.GetValueOrDefault(e.Path)?.ToString() ?? $"missing: {e.Path}");
        Assert.Equal(fromStage.Select(e => e.ToString()), kept);
    }

    public void Dispose()
    {
        _check.Dispose();
        _boxer.Dispose();
    }

    /// <summary>
    /// The primary partition (descriptor 3) dumped by siftool, extracted by unsquashfs as root, packed again by
    /// GNU tar in name order (as the fixture is), then listed like the stage3 itself.
    /// </summary>
    private IReadOnlyList<ListedEntry> ListPartition(string sif)
    {
        string partition = _check.Combine("partition.sqfs");
        string tree = _check.Combine("tree");
        string relisted = _check.Combine("relisted.tar");
        ExternalTool.RunChecked("sh", "-c", $"siftool dump 3 '{sif}' > '{partition}'");
        ExternalTool.RunChecked("unsquashfs", "-quiet", "-no-progress", "-d", tree, partition);
        ExternalTool.RunChecked(
            "tar", "--xattrs", "--xattrs-include=*", "--numeric-owner", "--sort=name", "-cf", relisted, "-C", tree, ".");
        return GnuTarListing.Read(relisted);
    }
}
