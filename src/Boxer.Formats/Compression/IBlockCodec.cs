namespace Boxer.Formats.Compression;

/// <summary>
/// Compresses and decompresses independent blocks. Implementations are safe to call from many threads at
/// once and always give the same output for the same input, so block-parallel writing stays deterministic.
/// </summary>
public interface IBlockCodec
{
    /// <summary>Which algorithm this is.</summary>
    BlockCompression Algorithm { get; }

    /// <summary>The library that compresses: part of what the output bytes depend on.</summary>
    CodecLibrary Library { get; }

    /// <summary>The compression level in the algorithm's own scale.</summary>
    int Level { get; }

    /// <summary>The largest output <see cref="Compress"/> can produce for an input of this length.</summary>
    /// <param name="length">The input length.</param>
    /// <returns>A buffer size that always suffices.</returns>
    int MaxCompressedLength(int length);

    /// <summary>Compresses one block.</summary>
    /// <param name="source">The block.</param>
    /// <param name="destination">At least <see cref="MaxCompressedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    int Compress(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Decompresses one block.</summary>
    /// <param name="source">The compressed block.</param>
    /// <param name="destination">Room for the whole uncompressed block.</param>
    /// <returns>The number of bytes written.</returns>
    int Decompress(ReadOnlySpan<byte> source, Span<byte> destination);
}
