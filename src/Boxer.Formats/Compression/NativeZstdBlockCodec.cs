using Boxer.Formats.Compression.Native;

namespace Boxer.Formats.Compression;

/// <summary>Zstandard through the system's libzstd; one context per thread (contexts are not thread-safe).</summary>
public sealed class NativeZstdBlockCodec : IBlockCodec
{
    private static readonly ThreadLocal<ZstdCompressionContext> CompressionContexts = new(LibZstd.CreateCompressionContext);
    private static readonly ThreadLocal<ZstdDecompressionContext> DecompressionContexts = new(LibZstd.CreateDecompressionContext);

    /// <summary>Creates the codec.</summary>
    /// <param name="level">1 to 22.</param>
    public NativeZstdBlockCodec(int level = ZstdBlockCodec.DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 22);
        Level = level;
    }

    /// <inheritdoc/>
    public BlockCompression Algorithm => BlockCompression.Zstd;

    /// <inheritdoc/>
    public CodecLibrary Library => CodecLibraries.Libzstd;

    /// <inheritdoc/>
    public int Level { get; }

    /// <inheritdoc/>
    public int MaxCompressedLength(int length) => checked((int)LibZstd.CompressBound((nuint)length));

    /// <inheritdoc/>
    // ZSTD_compressCCtx resets the context's parameters to the level's each call, as mksquashfs and tar2sqfs use it.
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        LibZstd.Check(LibZstd.Compress(CompressionContexts.Value!, destination, (nuint)destination.Length, source, (nuint)source.Length, Level), "compress");

    /// <inheritdoc/>
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        LibZstd.Check(LibZstd.Decompress(DecompressionContexts.Value!, destination, (nuint)destination.Length, source, (nuint)source.Length), "decompress");
}
