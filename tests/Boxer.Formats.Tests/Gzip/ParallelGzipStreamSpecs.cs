using Boxer.Formats.Gzip;
using Boxer.Formats.Tests.Tar.Support;

namespace Boxer.Formats.Tests.Gzip;

/// <summary>Parallel gzip members, checked with GNU gzip (Debian package gzip).</summary>
public sealed class ParallelGzipStreamSpecs
{
    private static readonly ParallelGzipOptions SmallChunks = new() { ChunkSize = 64 << 10 };

    [Fact]
    public void GNU_gzip_tests_and_restores_the_input()
    {
        using var dir = new TempDir();
        byte[] input = Sample(1_000_003);
        string gz = Compress(input, dir.File("x.gz"), SmallChunks);

        Tool.Run("gzip", "-t", gz);
        byte[] restored = Tool.RunBytes("gzip", "-dc", gz);

        Assert.Equal(input, restored);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void The_output_is_the_same_whatever_the_core_count(int parallelism)
    {
        using var dir = new TempDir();
        byte[] input = Sample(700_000);

        byte[] reference = File.ReadAllBytes(Compress(input, dir.File("a.gz"), SmallChunks with { Parallelism = 2 }));
        byte[] other = File.ReadAllBytes(Compress(input, dir.File("b.gz"), SmallChunks with { Parallelism = parallelism }));

        Assert.Equal(reference, other);
    }

    [Fact]
    public void Each_chunk_is_an_independent_member_with_a_fixed_header()
    {
        using var dir = new TempDir();
        byte[] gz = File.ReadAllBytes(Compress(Sample(3 * (64 << 10) + 5), dir.File("m.gz"), SmallChunks));

        // Four members start with 1f 8b 08, mtime 0, and OS byte 3 (Unix).
        int members = Enumerable.Range(0, gz.Length - 10)
            .Count(i => gz[i] == 0x1f && gz[i + 1] == 0x8b && gz[i + 2] == 8 && gz[i + 3] == 0
                && gz[i + 4] == 0 && gz[i + 5] == 0 && gz[i + 6] == 0 && gz[i + 7] == 0 && gz[i + 9] == 3);
        Assert.Equal(4, members);
    }

    [Fact]
    public void Empty_input_gives_a_valid_empty_gzip()
    {
        using var dir = new TempDir();
        string gz = Compress([], dir.File("e.gz"), SmallChunks);

        Assert.Empty(Tool.RunBytes("gzip", "-dc", gz));
    }

    private static string Compress(byte[] input, string path, ParallelGzipOptions options)
    {
        using var file = File.Create(path);
        var gzip = new ParallelGzipStream(file, options, leaveOpen: true);
        // Odd write sizes so chunk boundaries never line up with writes.
        for (int at = 0; at < input.Length; at += 9_999)
        {
            gzip.Write(input, at, Math.Min(9_999, input.Length - at));
        }
        gzip.FinishAsync(CancellationToken.None).GetAwaiter().GetResult();
        return path;
    }

    /// <summary>Compressible but not trivial: text-like runs mixed with pseudo-random bytes.</summary>
    private static byte[] Sample(int length)
    {
        var random = new Random(42);
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = i % 7 == 0 ? (byte)random.Next(256) : (byte)('a' + (i / 13 % 26));
        }
        return bytes;
    }
}
