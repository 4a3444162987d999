using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Formats.Sif;
using Boxer.Targets.Singularity.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// <c>--overlay-size</c>: the SIF gains the ext3 overlay partition <c>apptainer overlay create --size N</c>
/// appends, as siftool and e2fsprogs see it, reproducibly. One overlay SIF is built per class (64 MiB, sparse).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SifOverlaySpecs(SifOverlaySpecs.OverlaySif built) : IClassFixture<SifOverlaySpecs.OverlaySif>
{
    private static readonly UnixTime Epoch = new(1_750_000_000);

    [Fact]
    public void Siftool_lists_an_ext3_overlay_partition_after_the_squashfs_in_group_1()
    {
        string list = ExternalTool.RunChecked(ExternalTool.Require("siftool"), "list", built.Sif).Stdout;
        string info = ExternalTool.RunChecked(ExternalTool.Require("siftool"), "info", "4", built.Sif).Stdout;

        Assert.Contains("FS (Squashfs/*System/amd64)", list, StringComparison.Ordinal);
        Assert.Matches(@"\n4 +\|1 +\|NONE +\|\d+-\d+ +\|FS \(Ext3/Overlay/amd64\)", list);
        Assert.Contains("Filesystem Type:  Ext3", info, StringComparison.Ordinal);
        Assert.Contains("Partition Type:   Overlay", info, StringComparison.Ordinal);
        var overlay = SifReader.Read(built.Sif).OverlayPartition!;
        Assert.Equal(64L << 20, overlay.Size);
        Assert.Equal(0, overlay.Offset % 4096);
        Assert.Equal("", overlay.Name);
    }

    [Fact]
    public void The_partition_is_a_clean_ext3_holding_root_owned_upper_and_work()
    {
        string ext3 = built.Dump(4);

        var fsck = ExternalTool.Run(ExternalTool.Require("e2fsck"), ["-fn", ext3]);
        string listing = ExternalTool.RunChecked(ExternalTool.Require("debugfs"), "-R", "ls -l", ext3).Stdout;
        string features = ExternalTool.RunChecked(ExternalTool.Require("debugfs"), "-R", "features", ext3).Stdout;

        Assert.True(fsck.ExitCode == 0, $"e2fsck -fn: exit {fsck.ExitCode}\n{fsck.Stdout}{fsck.Stderr}");
        Assert.Matches(@"\s40755 \(2\)\s+0\s+0\s+1024 .* upper\n", listing);
        Assert.Matches(@"\s40755 \(2\)\s+0\s+0\s+1024 .* work\n", listing);
        Assert.Contains("has_journal", features, StringComparison.Ordinal); // ext3, not ext2
        Assert.DoesNotContain("extent", features, StringComparison.Ordinal); // nor ext4
    }

    [Fact]
    public void The_usage_hint_boots_it_writable_with_sudo()
    {
        Assert.Equal($"sudo singularity instance start --boot --writable {built.Sif} overlay", Assert.Single(built.Artifact.UsageHints));
    }

    [Fact]
    public async Task Two_builds_with_one_source_date_epoch_are_byte_identical_and_leave_no_scratch_file()
    {
        string again = await built.BuildAsync("again.sif");

        Assert.True(File.ReadAllBytes(built.Sif).AsSpan().SequenceEqual(File.ReadAllBytes(again)), "the two SIFs differ");
        Assert.Empty(Directory.GetFiles(built.WorkDirectory, ".*"));
    }

    [Theory]
    [InlineData("63", "--overlay-size: must be 64 to 1048576 MiB, not 63")]
    [InlineData("0", "--overlay-size: must be 64 to 1048576 MiB, not 0")]
    [InlineData("-64", "--overlay-size: must be 64 to 1048576 MiB, not -64")]
    [InlineData("1048577", "--overlay-size: must be 64 to 1048576 MiB, not 1048577")]
    [InlineData("4G", "--overlay-size: '4G' is not a whole number")]
    public void A_size_outside_64_MiB_to_1_TiB_is_refused(string size, string problem)
    {
        var given = new TargetOptionValues(new Dictionary<string, string> { ["out"] = "x.sif", ["overlay-size"] = size });

        Assert.Equal([problem], TargetOptionChecker.Problems(new SingularityTarget(), given));
    }

    /// <summary>The SIF of a small tree with a 64 MiB overlay, in a directory of its own.</summary>
    public sealed class OverlaySif : IAsyncLifetime
    {
        private readonly TempDir _dir = new("boxer-sif-overlay-");
        private readonly TargetHarness _harness = new(randomBytes: 10_000);

        public string WorkDirectory => _dir.Path;

        public string Sif { get; private set; } = "";

        public Artifact Artifact { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Sif = await BuildAsync("overlay.sif");
            Artifact = _harness.Events.OfType<ArtifactProduced>().Single().Artifact;
        }

        public async Task<string> BuildAsync(string name)
        {
            var options = new Dictionary<string, string> { ["out"] = name, ["overlay-size"] = "64", ["level"] = "1" };
            var artifacts = await new SingularityTarget().BuildAsync(_harness.Context(_dir.Path, options, Epoch), CancellationToken.None);
            return Assert.Single(artifacts).Location;
        }

        /// <summary>Object <paramref name="id"/> cut out with <c>siftool dump</c>, into a file of its own.</summary>
        public string Dump(int id)
        {
            string path = _dir.Combine($"object-{id}.bin");
            ExternalTool.RunChecked("sh", "-c", $"siftool dump {id} '{Sif}' > '{path}'");
            return path;
        }

        public Task DisposeAsync()
        {
            _harness.Dispose();
            _dir.Dispose();
            return Task.CompletedTask;
        }
    }
}
