using System.IO.Compression;
using Boxer.Formats.Compression;
using Boxer.Formats.Tests.Tar.Support;

namespace Boxer.Formats.Tests.CodecRegistry;

/// <summary>The one codec registry: sniffing by magic, and the encoders the targets use.</summary>
public sealed class CodecsSpecs
{
    [Theory]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00 }, "xz")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08 }, "gzip")]
    [InlineData(new byte[] { 0x42, 0x5A, 0x68, 0x39 }, "bzip2")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }, "zstd")]
    [InlineData(new byte[] { 0x4C, 0x5A, 0x49, 0x50, 0x01 }, "lzip")]
    public void A_codec_is_sniffed_from_its_magic(byte[] head, string name) =>
        Assert.Equal(name, Codecs.Sniff(head)?.Name);

    [Fact]
    public void BZh_without_a_block_size_digit_and_plain_data_match_no_codec()
    {
        Assert.Null(Codecs.Sniff("BZhx"u8));
        Assert.Null(Codecs.Sniff("ustar"u8));
    }

    [Fact]
    public void Squashfs_block_ids_map_to_the_gzip_and_zstd_codecs()
    {
        Assert.Same(Codecs.Gzip, Codecs.For(BlockCompression.Gzip));
        Assert.Same(Codecs.Zstd, Codecs.For(BlockCompression.Zstd));
        Assert.Equal(BlockCompression.Zstd, Codecs.Zstd.CreateBlockEncoder().Algorithm);
    }

    [Fact]
    public async Task The_gzip_stream_encoder_writes_what_gzip_reads_back()
    {
        var data = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();
        using var compressed = new MemoryStream();
        var gzip = Codecs.Gzip.CreateStreamEncoder(compressed, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            await gzip.WriteAsync(data);
            await gzip.FinishAsync(CancellationToken.None);
        }
        Assert.True(Codecs.Gzip.Matches(compressed.ToArray()));
        compressed.Position = 0;
        using var back = new MemoryStream();
        await using (var reader = new GZipStream(compressed, CompressionMode.Decompress))
        {
            await reader.CopyToAsync(back);
        }
        Assert.Equal(data, back.ToArray());
    }

    [Fact]
    public async Task The_xz_tool_encoder_is_reproducible_and_xz_reads_it_back()
    {
        Tool.Require("xz");
        using var dir = new TempDir();
        var data = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("metadata.yaml\n", 500)));

        var first = await Codecs.Xz.EncodeWithToolAsync(data, CancellationToken.None);
        var second = await Codecs.Xz.EncodeWithToolAsync(data, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Same(Codecs.Xz, Codecs.Sniff(first));
        var file = dir.File("metadata.tar.xz");
        await File.WriteAllBytesAsync(file, first);
        Assert.Equal(string.Concat(Enumerable.Repeat("metadata.yaml\n", 500)), Tool.Run("xz", "-dc", file));
    }
}
