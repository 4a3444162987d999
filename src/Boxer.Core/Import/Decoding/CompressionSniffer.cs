using Boxer.Formats.Compression;
using Boxer.Formats.Tar;

namespace Boxer.Core.Import.Decoding;

/// <summary>Tells the compression from the first bytes of the file, never from its name: the registry's magics, else a tar header.</summary>
internal static class CompressionSniffer
{
    /// <summary>Bytes to read from the start of the file: a whole tar header block.</summary>
    public const int HeadLength = TarBlockSource.BlockSize;

    /// <exception cref="StageException">The file is empty, or neither a tar archive nor a known compression.</exception>
    public static Codec Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            throw new StageException("the file is empty", null, 0);
        }
        if (Codecs.Sniff(head) is { } codec)
        {
            return codec;
        }
        if (head.Length == HeadLength && TarReader.IsHeader(head))
        {
            return Codecs.Plain;
        }
        throw new StageException(
            $"not a tar archive and not a known compression (xz, gzip, bzip2, zstd, lzip); it starts with {Convert.ToHexStringLower(head[..Math.Min(8, head.Length)])}",
            null, 0);
    }
}
