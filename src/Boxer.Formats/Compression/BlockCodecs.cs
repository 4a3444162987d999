namespace Boxer.Formats.Compression;

/// <summary>Block codecs by algorithm: a shorthand for <see cref="Codecs.For"/> and <see cref="Codec.CreateBlockEncoder"/>.</summary>
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
    /// <param name="library">The library, or null for the native one when it loads.</param>
    /// <returns>The codec.</returns>
    public static IBlockCodec Create(BlockCompression algorithm, int? level = null, CodecLibrary? library = null) =>
        Codecs.For(algorithm).CreateBlockEncoder(level, library);
}
