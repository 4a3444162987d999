namespace Boxer.Formats.Compression;

/// <summary>Creates codecs by algorithm.</summary>
public static class BlockCodecs
{
    /// <summary>The default level of an algorithm (what mksquashfs uses).</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>Its default level.</returns>
    public static int DefaultLevel(BlockCompression algorithm) => algorithm switch
    {
        BlockCompression.Gzip => ZlibBlockCodec.DefaultLevel,
        BlockCompression.Zstd => ZstdBlockCodec.DefaultLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unsupported compressor"),
    };

    /// <summary>Creates a codec.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="level">The level, or null for <see cref="DefaultLevel"/>.</param>
    /// <returns>The codec.</returns>
    public static IBlockCodec Create(BlockCompression algorithm, int? level = null) => algorithm switch
    {
        BlockCompression.Gzip => new ZlibBlockCodec(level ?? ZlibBlockCodec.DefaultLevel),
        BlockCompression.Zstd => new ZstdBlockCodec(level ?? ZstdBlockCodec.DefaultLevel),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unsupported compressor"),
    };
}
