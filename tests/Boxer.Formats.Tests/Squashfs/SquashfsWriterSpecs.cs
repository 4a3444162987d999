using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Squashfs;
using Boxer.Formats.Tests.Squashfs.Support;

namespace Boxer.Formats.Tests.Squashfs;

/// <summary>The writer's own guarantees, checked through our reader: round trip, determinism, refusals.</summary>
public sealed class SquashfsWriterSpecs
{
    [Fact]
    public async Task I_can_read_back_every_entry_with_its_metadata_xattrs_and_content()
    {
        var tree = SampleTrees.EveryKind();
        using var image = await WriteAsync(tree, new SquashfsWriterOptions());
        using var reader = new SquashfsReader(image, leaveOpen: true);

        var read = reader.Entries.ToList();

        Assert.Equal(tree.Entries.Select(e => e.Path), read.Select(e => e.Entry.Path));
        foreach (var (expected, actual) in tree.Entries.Zip(read))
        {
            Assert.Equal(expected with { Xattrs = FsEntry.NoXattrs }, actual.Entry with { Xattrs = FsEntry.NoXattrs });
            Assert.Equal(expected.Xattrs.Select(x => (x.Key, Convert.ToHexString(x.Value.AsSpan()))), actual.Entry.Xattrs.Select(x => (x.Key, Convert.ToHexString(x.Value.AsSpan()))));
            if (expected.HasContent)
            {
                Assert.Equal(tree.ReadAllBytes(expected.Path), reader.ReadContent(actual));
            }
        }
    }

    [Fact]
    public async Task Hard_links_are_one_inode_with_a_link_count()
    {
        var tree = SampleTrees.EveryKind();
        using var image = await WriteAsync(tree, new SquashfsWriterOptions());
        using var reader = new SquashfsReader(image, leaveOpen: true);

        var entries = reader.Entries.ToDictionary(e => e.Entry.Path);

        Assert.Equal(entries["bin/ping"].InodeNumber, entries["bin/ping6"].InodeNumber);
        Assert.Equal(2u, entries["bin/ping"].LinkCount);
        Assert.Equal(reader.Summary.InodeCount, (uint)entries.Values.Select(e => e.InodeNumber).Distinct().Count());
    }

    [Fact]
    public async Task The_same_tree_gives_the_same_bytes_whatever_the_parallelism()
    {
        var tree = SampleTrees.EveryKind();

        var one = await WriteAsync(tree, new SquashfsWriterOptions { Parallelism = 1 });
        var again = await WriteAsync(tree, new SquashfsWriterOptions { Parallelism = 1 });
        var many = await WriteAsync(tree, new SquashfsWriterOptions { Parallelism = 7 });

        Assert.Equal(one.ToArray(), again.ToArray());
        Assert.Equal(one.ToArray(), many.ToArray());
    }

    [Fact]
    public async Task Source_date_epoch_clamps_every_time()
    {
        var tree = SampleTrees.EveryKind();
        tree.Add(tree.Get("etc/hostname") with { ModifiedTime = new UnixTime(2_000_000_000) });
        var epoch = new UnixTime(1_600_000_000);

        using var image = await WriteAsync(tree, new SquashfsWriterOptions { SourceDateEpoch = epoch });
        using var reader = new SquashfsReader(image, leaveOpen: true);

        Assert.Equal((uint)epoch.Seconds, reader.Summary.ModificationTime);
        Assert.All(reader.Entries, e => Assert.Equal(epoch, e.Entry.ModifiedTime));
    }

    [Fact]
    public async Task All_zero_blocks_are_stored_as_sparse_and_small_files_share_fragments()
    {
        var tree = new MemoryRootFs(new UnixTime(1));
        tree.File("zeros", new byte[10 * 128 * 1024]);
        tree.File("a", "a");
        tree.File("b", "b");

        using var image = await WriteAsync(tree, new SquashfsWriterOptions());
        using var reader = new SquashfsReader(image, leaveOpen: true);

        Assert.True(reader.Summary.BytesUsed < 4096, $"image of 1.25 MiB of zeros used {reader.Summary.BytesUsed} bytes");
        Assert.Equal(1u, reader.Summary.FragmentCount);
        Assert.Equal(new byte[10 * 128 * 1024], reader.ReadContent(reader.Entries.Single(e => e.Entry.Path == "zeros")));
    }

    [Fact]
    public async Task Identical_files_are_stored_once_and_read_back_whole()
    {
        var tree = new MemoryRootFs(new UnixTime(1));
        byte[] content = SampleTrees.Pattern(6 * 128 * 1024 + 999, 3);
        tree.File("a", content);
        tree.File("b", content);
        tree.File("c", [.. content, 1]);

        using var image = await WriteAsync(tree, new SquashfsWriterOptions());
        using var single = await WriteAsync(tree, new SquashfsWriterOptions { Deduplicate = false });
        using var reader = new SquashfsReader(image, leaveOpen: true);

        Assert.True(image.Length < single.Length * 3 / 4, $"{image.Length} bytes with deduplication, {single.Length} without");
        Assert.All(reader.Entries.Where(e => e.Entry.HasContent), e => Assert.Equal(tree.ReadAllBytes(e.Entry.Path), reader.ReadContent(e)));
    }

    [Theory]
    [InlineData(BlockCompression.Gzip, 1)]
    [InlineData(BlockCompression.Gzip, 9)]
    [InlineData(BlockCompression.Zstd, 1)]
    public async Task Incompressible_blocks_are_stored_raw_at_every_level(BlockCompression compression, int level)
    {
        var tree = new MemoryRootFs(new UnixTime(1));
        var noise = new byte[3 * 128 * 1024 + 5000];
        new Random(9).NextBytes(noise);
        tree.File("noise", noise);

        using var image = await WriteAsync(tree, new SquashfsWriterOptions { Compression = compression, CompressionLevel = level });
        using var reader = new SquashfsReader(image, leaveOpen: true);

        Assert.Equal(noise, reader.ReadContent(reader.Entries.Single(e => e.Entry.Path == "noise")));
    }

    [Fact]
    public async Task A_name_longer_than_256_bytes_is_refused_with_its_path()
    {
        var tree = new MemoryRootFs(new UnixTime(1));
        tree.File(new string('x', 257), "x");

        var error = await Assert.ThrowsAsync<SquashfsException>(() => WriteAsync(tree, new SquashfsWriterOptions()));

        Assert.Equal(new string('x', 257), error.EntryPath);
    }

    [Fact]
    public async Task Xattrs_outside_squashfs_namespaces_are_skipped_with_a_warning()
    {
        var tree = new MemoryRootFs(new UnixTime(1));
        tree.File("f", "x");
        tree.Xattr("f", "system.posix_acl_access", [2, 0, 0, 0]);

        var info = await new SquashfsWriter().WriteAsync(tree, new MemoryStream());

        Assert.Contains(info.Warnings, w => w.Contains("system.posix_acl_access", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_default_level_is_recorded_in_the_compressor_options()
    {
        var tree = SampleTrees.EveryKind();

        using var image = await WriteAsync(tree, new SquashfsWriterOptions { Compression = BlockCompression.Zstd, CompressionLevel = 3 });
        using var reader = new SquashfsReader(image, leaveOpen: true);

        Assert.Equal(BlockCompression.Zstd, reader.Summary.Compression);
        Assert.Equal(3, reader.Summary.CompressionLevel);
    }

    private static async Task<MemoryStream> WriteAsync(IReadOnlyRootFs tree, SquashfsWriterOptions options)
    {
        var stream = new MemoryStream();
        var info = await new SquashfsWriter(options).WriteAsync(tree, stream);
        Assert.Equal(stream.Length, info.Length);
        Assert.Equal(0, stream.Length % 4096);
        stream.Position = 0;
        return stream;
    }
}
