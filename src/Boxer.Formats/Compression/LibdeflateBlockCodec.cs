using System.Collections.Concurrent;
using Boxer.Formats.Compression.Native;

namespace Boxer.Formats.Compression;

/// <summary>
/// zlib-wrapped deflate (squashfs "gzip") through libdeflate: each thread keeps its own compressor per level,
/// as a libdeflate compressor is not thread-safe. Also compresses whole gzip members for
/// <see cref="Gzip.ParallelGzipStream"/>.
/// </summary>
public sealed class LibdeflateBlockCodec : IBlockCodec
{
    /// <summary>Compressors by level, one per thread; freed by their handles' finalizers with their threads.</summary>
    private static readonly ConcurrentDictionary<int, ThreadLocal<DeflateCompressor>> Compressors = new();
    private static readonly ThreadLocal<DeflateDecompressor> Decompressors = new(LibDeflate.AllocateDecompressor);

    /// <summary>Creates the codec.</summary>
    /// <param name="level">1 (fastest) to 9 (smallest), the levels squashfs's gzip options allow.</param>
    public LibdeflateBlockCodec(int level = ZlibBlockCodec.DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        Level = level;
    }

    /// <inheritdoc/>
    public BlockCompression Algorithm => BlockCompression.Gzip;

    /// <inheritdoc/>
    public CodecLibrary Library => CodecLibraries.Libdeflate;

    /// <inheritdoc/>
    public int Level { get; }

    /// <inheritdoc/>
    public int MaxCompressedLength(int length) => Bound(length);

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        nuint written = LibDeflate.ZlibCompress(Compressor(Level), source, (nuint)source.Length, destination, (nuint)destination.Length);
        return written != 0 ? (int)written : throw new ArgumentException("the destination is too small for the compressed block", nameof(destination));
    }

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // Squashfs blocks hold at most a block; a shorter result is fine (the last block of a file).
        int result = LibDeflate.ZlibDecompress(Decompressors.Value!, source, (nuint)source.Length, destination, (nuint)destination.Length, out nuint written);
        return result == LibDeflate.Success ? (int)written : throw new InvalidDataException($"libdeflate: damaged zlib block (result {result})");
    }

    /// <summary>One gzip member (RFC 1952) of <paramref name="source"/>, mtime 0, with the given OS byte.</summary>
    internal static byte[] CompressGzipMember(ReadOnlySpan<byte> source, int level, byte osByte)
    {
        var buffer = new byte[Bound(source.Length)];
        nuint written = LibDeflate.GzipCompress(Compressor(level), source, (nuint)source.Length, buffer, (nuint)buffer.Length);
        if (written == 0)
        {
            throw new InvalidOperationException("libdeflate: gzip member larger than its bound");
        }
        var member = buffer.AsSpan(0, (int)written).ToArray();
        member[9] = osByte;
        return member;
    }

    // libdeflate's own bound is the input plus 5 bytes per (at least 5000-byte) block, 1 byte and padding;
    // this is looser and holds for the zlib and gzip wrappers too.
    private static int Bound(int length) => length + length / 512 + 1024;

    private static DeflateCompressor Compressor(int level) =>
        Compressors.GetOrAdd(level, l => new ThreadLocal<DeflateCompressor>(() => LibDeflate.AllocateCompressor(l))).Value!;
}
