using System.IO.Compression;
using Boxer.Formats.Compression;
using Boxer.Formats.Gzip;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.CodecRegistry;

/// <summary>
/// The native codec libraries (libdeflate, libzstd) and their managed fallbacks: which one is chosen, that
/// each one's output is read by the others and by the command-line tools, and that a pinned one is reproducible.
/// </summary>
public sealed class CodecLibrariesSpecs
{
    private static readonly byte[] Data = Sample();

    [Fact]
    public void Auto_picks_the_native_library_when_it_loads()
    {
        Assert.Same(CodecLibraries.Libdeflate, CodecLibraries.Resolve(BlockCompression.Gzip, "auto").Library);
        Assert.Same(CodecLibraries.Libzstd, CodecLibraries.Resolve(BlockCompression.Zstd, null).Library);
        Assert.Null(CodecLibraries.Resolve(BlockCompression.Zstd, "auto").Warning);
    }

    [Fact]
    public void Auto_without_the_native_library_falls_back_with_one_warning_naming_the_debian_package()
    {
        var resolution = CodecLibraries.Resolve(BlockCompression.Gzip, "auto", library => !library.IsNative);

        Assert.Same(CodecLibraries.ZlibNg, resolution.Library);
        Assert.Contains("libdeflate.so.0 not found", resolution.Warning);
        Assert.Contains("libdeflate0", resolution.Warning);
        Assert.Null(resolution.Problem);
    }

    [Fact]
    public void A_pinned_library_that_is_missing_is_a_problem_not_a_fallback()
    {
        var resolution = CodecLibraries.Resolve(BlockCompression.Zstd, "libzstd", library => !library.IsNative);

        Assert.Null(resolution.Library);
        Assert.Equal("--codec libzstd: libzstd.so.1 not found (install the Debian package libzstd1)", resolution.Problem);
    }

    [Theory]
    [InlineData(BlockCompression.Zstd, "libdeflate", "--codec libdeflate writes gzip, not zstd")]
    [InlineData(BlockCompression.Gzip, "zlib", "--codec must be one of auto, libdeflate, zlib-ng, libzstd, zstdsharp, not 'zlib'")]
    public void A_library_of_another_algorithm_or_an_unknown_name_is_a_problem(BlockCompression algorithm, string choice, string problem) =>
        Assert.Equal(problem, CodecLibraries.Resolve(algorithm, choice).Problem);

    [Fact]
    public void The_recorded_description_names_algorithm_level_and_library()
    {
        Assert.Equal("gzip:9:libdeflate", CodecLibraries.Libdeflate.Describe(9));
        Assert.Matches(@"^zstd:15:libzstd-1\.\d+\.\d+$", CodecLibraries.Libzstd.Describe(15));
    }

    [Theory]
    [InlineData("libdeflate", "zlib-ng")]
    [InlineData("zlib-ng", "libdeflate")]
    [InlineData("libzstd", "zstdsharp")]
    [InlineData("zstdsharp", "libzstd")]
    public void A_block_of_one_library_decodes_with_the_other_and_is_the_same_every_time(string writer, string reader)
    {
        var encoder = CodecLibraries.Named(writer)!.CreateBlockCodec(9);
        var decoder = CodecLibraries.Named(reader)!.CreateBlockCodec(9);
        var compressed = Compress(encoder);

        var back = new byte[Data.Length];
        Assert.Equal(Data.Length, decoder.Decompress(compressed, back));
        Assert.Equal(Data, back);
        Assert.Equal(compressed, Compress(encoder));
        Assert.True(compressed.Length < Data.Length / 2);
    }

    [Fact]
    public void Libdeflate_and_zlib_ng_make_different_bytes_which_is_why_images_record_the_library()
    {
        var native = Compress(CodecLibraries.Libdeflate.CreateBlockCodec(9));
        var managed = Compress(CodecLibraries.ZlibNg.CreateBlockCodec(9));
        Assert.NotEqual(native, managed);
    }

    [Theory]
    [InlineData("libdeflate")]
    [InlineData("zlib-ng")]
    public async Task Gzip_members_pass_gzip_t_and_are_reproducible(string libraryName)
    {
        var library = CodecLibraries.Named(libraryName)!;
        byte[] first = await GzipAsync(library);
        byte[] second = await GzipAsync(library);
        Assert.Equal(first, second);
        Assert.Equal(3, first[9]);

        using var dir = new TempDir();
        string file = dir.Combine("layer.gz");
        await File.WriteAllBytesAsync(file, first);
        ExternalTool.RunChecked("gzip", "-t", file);
        using var back = new MemoryStream();
        await using (var reader = new GZipStream(new MemoryStream(first), CompressionMode.Decompress))
        {
            await reader.CopyToAsync(back);
        }
        Assert.Equal(Data, back.ToArray());
    }

    private static async Task<byte[]> GzipAsync(CodecLibrary library)
    {
        using var output = new MemoryStream();
        var gzip = new ParallelGzipStream(output, new ParallelGzipOptions { ChunkSize = 64 << 10, Library = library }, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            await gzip.WriteAsync(Data);
            await gzip.FinishAsync(CancellationToken.None);
        }
        return output.ToArray();
    }

    private static byte[] Compress(IBlockCodec codec)
    {
        var buffer = new byte[codec.MaxCompressedLength(Data.Length)];
        return buffer.AsSpan(0, codec.Compress(Data, buffer)).ToArray();
    }

    // Text-like and repetitive enough to compress, varied enough that the two deflaters choose differently.
    private static byte[] Sample()
    {
        var random = new Random(17);
        var words = new[] { "portage", "openrc", "stage3", "/usr/lib64/", "libc.so.6", "\n", " ", "gentoo", "=", "0x" };
        var text = new System.Text.StringBuilder();
        while (text.Length < 200_000)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(1000));
        }
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
