using ZstdSharp;

namespace Boxer.Formats.Compression;

/// <summary>Zstandard through ZstdSharp (managed); one compression context per thread.</summary>
public sealed class ZstdBlockCodec : IBlockCodec
{
    /// <summary>mksquashfs's default zstd level.</summary>
    public const int DefaultLevel = 15;

    private readonly ThreadLocal<Compressor> _compressors;
    private readonly ThreadLocal<Decompressor> _decompressors = new(() => new Decompressor());

    /// <summary>Creates the codec.</summary>
    /// <param name="level">1 to 22.</param>
    public ZstdBlockCodec(int level = DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Compressor.MaxCompressionLevel);
        Level = level;
        _compressors = new(() => new Compressor(level));
    }

    /// <inheritdoc/>
    public BlockCompression Algorithm => BlockCompression.Zstd;

    /// <inheritdoc/>
    public CodecLibrary Library => CodecLibraries.ZstdSharp;

    /// <inheritdoc/>
    public int Level { get; }

    /// <inheritdoc/>
    public int MaxCompressedLength(int length) => Compressor.GetCompressBound(length);

    /// <inheritdoc/>
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        _compressors.Value!.Wrap(source, destination);

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        _decompressors.Value!.Unwrap(source, destination);
}
