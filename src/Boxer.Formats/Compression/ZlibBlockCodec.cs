using System.IO.Compression;

namespace Boxer.Formats.Compression;

/// <summary>
/// zlib-wrapped deflate through the BCL's zlib-ng: what squashfs names "gzip" (a 2-byte header and an
/// Adler-32 trailer, not a gzip member).
/// </summary>
public sealed class ZlibBlockCodec : IBlockCodec
{
    /// <summary>mksquashfs's and apptainer's default level.</summary>
    public const int DefaultLevel = 9;

    /// <summary>Creates the codec.</summary>
    /// <param name="level">1 (fastest) to 9 (smallest).</param>
    public ZlibBlockCodec(int level = DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        Level = level;
    }

    /// <inheritdoc/>
    public BlockCompression Algorithm => BlockCompression.Gzip;

    /// <inheritdoc/>
    public CodecLibrary Library => CodecLibraries.ZlibNg;

    /// <inheritdoc/>
    public int Level { get; }

    /// <inheritdoc/>
    // zlib's compressBound is not enough for zlib-ng's level 1 (deflate_quick emits up to 9 bits per
    // literal on incompressible input); double plus slack covers every level.
    public int MaxCompressedLength(int length) => length * 2 + 1024;

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var sink = new SpanSinkStream(destination.Length);
        var options = new ZLibCompressionOptions { CompressionLevel = Level };
        using (var zlib = new ZLibStream(sink, options, leaveOpen: true))
        {
            zlib.Write(source);
        }
        return sink.CopyTo(destination);
    }

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var input = new MemoryStream(source.ToArray(), writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        return zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
    }
}
