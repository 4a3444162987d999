using System.Text.RegularExpressions;
using Boxer.Formats.Tests.Squashfs.Support;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Squashfs;

/// <summary>Our images as squashfs-tools (unsquashfs) and squashfs-tools-ng (rdsquashfs) read them.</summary>
public sealed partial class SquashfsToolSpecs : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public async Task Rdsquashfs_describes_every_entry_as_the_tree_has_it()
    {
        var tree = SampleTrees.EveryKind();
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"));

        var lines = ExternalTool.RunChecked("rdsquashfs", "-d", image).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var expected = tree.Entries.Where(e => e.Path.Length > 0).Select(e => Describe.AsRdsquashfs(e));
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unsquashfs_lists_every_entry_as_the_tree_has_it()
    {
        var tree = SampleTrees.EveryKind();
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"));

        string output = ExternalTool.RunChecked("env", "TZ=UTC", "unsquashfs", "-lln", image).Stdout;

        // unsquashfs 4.5.1 prints device numbers as (dev >> 8, dev & 0xff), wrong once the minor exceeds 255;
        // those are checked through rdsquashfs and the kernel instead.
        var actual = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Squeeze).Where(l => !l.Contains("nvme0n1p9", StringComparison.Ordinal));
        var expected = tree.Entries.Where(e => e.DeviceMinor < 256).Select(Describe.AsUnsquashfs);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Extracted_files_have_the_trees_bytes()
    {
        var tree = SampleTrees.EveryKind();
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"));

        ExternalTool.RunChecked("unsquashfs", "-no-xattrs", "-d", _temp.Combine("out"), image);

        foreach (var file in tree.Entries.Where(e => e.HasContent))
        {
            Assert.True(tree.ReadAllBytes(file.Path).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp.Combine("out"), file.Path))), file.Path);
        }
    }

    [Fact]
    public async Task Rdsquashfs_reads_binary_capabilities_byte_for_byte()
    {
        var tree = SampleTrees.EveryKind();
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"));

        string output = ExternalTool.RunChecked("rdsquashfs", "-x", "/bin/ping", image).Stdout;

        Assert.Equal("security.capability=0x" + Convert.ToHexStringLower(SampleTrees.Capability), output.Trim());
    }

    [Theory]
    [InlineData("zstd", 4096, 19)]
    [InlineData("gzip", 1048576, 6)]
    [InlineData("gzip", 65536, 1)]
    public async Task Other_compressors_block_sizes_and_levels_read_back(string compressor, int blockSize, int level)
    {
        var tree = SampleTrees.EveryKind(blockSize);
        var options = new Boxer.Formats.Squashfs.SquashfsWriterOptions
        {
            BlockSize = blockSize,
            Compression = compressor == "zstd" ? Compression.BlockCompression.Zstd : Compression.BlockCompression.Gzip,
            CompressionLevel = level,
        };
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"), options);

        string summary = ExternalTool.RunChecked("unsquashfs", "-s", image).Stdout;
        ExternalTool.RunChecked("rdsquashfs", "-u", "/", "-p", _temp.Combine("out"), image);

        Assert.Contains($"Compression {compressor}", summary);
        Assert.Contains($"Block size {blockSize}", summary);
        Assert.Matches($"(?i)compression-level {level}|Compression level {level}", summary);
        foreach (var file in tree.Entries.Where(e => e.HasContent))
        {
            Assert.True(tree.ReadAllBytes(file.Path).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp.Combine("out"), file.Path))), file.Path);
        }
    }

    [Theory]
    [InlineData("libdeflate", 9)]
    [InlineData("zlib-ng", 9)]
    [InlineData("libzstd", 15)]
    [InlineData("zstdsharp", 15)]
    public async Task Every_codec_library_writes_what_both_tools_read_back(string libraryName, int level)
    {
        var library = Compression.CodecLibraries.Named(libraryName)!;
        var tree = SampleTrees.EveryKind();
        var options = new Boxer.Formats.Squashfs.SquashfsWriterOptions
        {
            Compression = library.Algorithm,
            CompressionLevel = level,
            Library = library,
        };
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"), options);
        string again = await ImageFactory.WriteAsync(tree, _temp.Combine("again.sqfs"), options);

        Assert.Equal(File.ReadAllBytes(image), File.ReadAllBytes(again));
        ExternalTool.RunChecked("unsquashfs", "-no-xattrs", "-d", _temp.Combine("unsquashfs"), image);
        ExternalTool.RunChecked("rdsquashfs", "-u", "/", "-p", _temp.Combine("rdsquashfs"), image);

        foreach (var file in tree.Entries.Where(e => e.HasContent))
        {
            byte[] expected = tree.ReadAllBytes(file.Path);
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp.Combine("unsquashfs"), file.Path))), "unsquashfs " + file.Path);
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp.Combine("rdsquashfs"), file.Path))), "rdsquashfs " + file.Path);
        }
    }

    public void Dispose() => _temp.Dispose();

    private static string Squeeze(string line)
    {
        line = Spaces().Replace(line, " ");
        line = DeviceComma().Replace(line, ",");
        return DirectorySize().Replace(line, "$1 * ");
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(", +")]
    private static partial Regex DeviceComma();

    [GeneratedRegex(@"^(d\S+ \d+/\d+) \d+ ")]
    private static partial Regex DirectorySize();
}
