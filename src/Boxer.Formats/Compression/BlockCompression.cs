namespace Boxer.Formats.Compression;

/// <summary>The block compressors boxer can write; the numeric values are squashfs's compressor IDs.</summary>
public enum BlockCompression
{
    /// <summary>zlib-wrapped deflate (RFC 1950), which squashfs calls "gzip". Every kernel reads it.</summary>
    Gzip = 1,

    /// <summary>Zstandard (RFC 8878), faster at a similar ratio; needs Linux 4.14 or later.</summary>
    Zstd = 6,
}
