using Boxer.Formats.Tar;

namespace Boxer.Core.Import.Decoding;

/// <summary>Tells the compression from the first bytes of the file, never from its name.</summary>
internal static class CompressionSniffer
{
    /// <summary>Bytes to read from the start of the file: a whole tar header block.</summary>
    public const int HeadLength = TarBlockSource.BlockSize;

    private static ReadOnlySpan<byte> XzMagic => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Bzip2Magic => "BZh"u8;

    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xB5, 0x2F, 0xFD];

    private static ReadOnlySpan<byte> LzipMagic => "LZIP"u8;

    public static string NameOf(Compression compression) => compression switch
    {
        Compression.None => "none",
        Compression.Xz => "xz",
        Compression.Gzip => "gzip",
        Compression.Bzip2 => "bzip2",
        Compression.Zstd => "zstd",
        _ => "lzip",
    };

    /// <exception cref="StageException">The file is empty, or neither a tar archive nor a known compression.</exception>
    public static Compression Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            throw new StageException("the file is empty", null, 0);
        }
        if (head.StartsWith(XzMagic))
        {
            return Compression.Xz;
        }
        if (head.StartsWith(GzipMagic))
        {
            return Compression.Gzip;
        }
        if (head.StartsWith(Bzip2Magic) && head.Length > 3 && head[3] is >= (byte)'1' and <= (byte)'9')
        {
            return Compression.Bzip2;
        }
        if (head.StartsWith(ZstdMagic))
        {
            return Compression.Zstd;
        }
        if (head.StartsWith(LzipMagic))
        {
            return Compression.Lzip;
        }
        if (head.Length == HeadLength && TarReader.IsHeader(head))
        {
            return Compression.None;
        }
        throw new StageException(
            $"not a tar archive and not a known compression (xz, gzip, bzip2, zstd, lzip); it starts with {Convert.ToHexStringLower(head[..Math.Min(8, head.Length)])}",
            null, 0);
    }
}
