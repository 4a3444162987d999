using Boxer.Formats.Gzip;

namespace Boxer.Formats.Compression;

/// <summary>
/// The one registry of compressions: every place that recognizes, decodes or encodes compressed data (stage
/// import, Docker layers, squashfs blocks, targets) asks here.
/// <code>
///  codec  magic              native decoder  boxer's encoders
///  none   (a tar header)     -               -
///  xz     FD 37 7A 58 5A 00  xz -dc          xz child process (-T1 -6 --check=crc64): LXD metadata.tar.xz
///  gzip   1F 8B              gzip -dc        parallel gzip members (Docker layers, LXD rootfs);
///                                            zlib blocks (squashfs "gzip", ID 1): libdeflate, else zlib-ng
///  bzip2  42 5A 68 '1'-'9'   bzip2 -dc       -
///  zstd   28 B5 2F FD        zstd -dc        zstd blocks (squashfs, ID 6): libzstd, else ZstdSharp
///  lzip   4C 5A 49 50        lzip -dc        -
/// </code>
/// </summary>
public static class Codecs
{
    /// <summary>Uncompressed data (a plain tar).</summary>
    public static Codec Plain { get; } = new("none", [], nativeTool: null);

    /// <summary>xz (LZMA2); encoded by the <c>xz</c> program.</summary>
    public static Codec Xz { get; } = new("xz", [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], "xz",
        toolEncodeArguments: ["-T1", "-6", "--check=crc64", "-c", "-q"]);

    /// <summary>gzip (RFC 1952) streams; as squashfs blocks, zlib (RFC 1950).</summary>
    public static Codec Gzip { get; } = new("gzip", [0x1F, 0x8B], "gzip",
        block: BlockCompression.Gzip,
        blockEncoder: (level, library) =>
            (library ?? CodecLibraries.Preferred(BlockCompression.Gzip)).CreateBlockCodec(level ?? ZlibBlockCodec.DefaultLevel),
        streamEncoder: (output, leaveOpen, library) => new ParallelGzipStream(
            output, ParallelGzipOptions.Default with { Library = library ?? CodecLibraries.Preferred(BlockCompression.Gzip) }, leaveOpen));

    /// <summary>bzip2; decoded only.</summary>
    public static Codec Bzip2 { get; } = new("bzip2", "BZh"u8.ToArray(), "bzip2");

    /// <summary>Zstandard (RFC 8878).</summary>
    public static Codec Zstd { get; } = new("zstd", [0x28, 0xB5, 0x2F, 0xFD], "zstd",
        block: BlockCompression.Zstd,
        blockEncoder: (level, library) =>
            (library ?? CodecLibraries.Preferred(BlockCompression.Zstd)).CreateBlockCodec(level ?? ZstdBlockCodec.DefaultLevel));

    /// <summary>lzip; decoded only.</summary>
    public static Codec Lzip { get; } = new("lzip", "LZIP"u8.ToArray(), "lzip");

    /// <summary>Every codec, <see cref="Plain"/> first.</summary>
    public static IReadOnlyList<Codec> All { get; } = [Plain, Xz, Gzip, Bzip2, Zstd, Lzip];

    /// <summary>The compressed codec whose magic <paramref name="head"/> starts with, or null (plain data or unknown).</summary>
    /// <param name="head">The first bytes of the data.</param>
    public static Codec? Sniff(ReadOnlySpan<byte> head)
    {
        foreach (var codec in All)
        {
            if (codec.Matches(head))
            {
                return codec;
            }
        }
        return null;
    }

    /// <summary>The codec of a block-compressor ID.</summary>
    /// <param name="algorithm">The block algorithm.</param>
    /// <exception cref="ArgumentOutOfRangeException">No codec writes such blocks.</exception>
    public static Codec For(BlockCompression algorithm) =>
        All.FirstOrDefault(c => c.Block == algorithm)
            ?? throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unsupported compressor");
}
