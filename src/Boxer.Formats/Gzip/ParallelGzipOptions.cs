using System.IO.Compression;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Gzip;

/// <summary>How <see cref="ParallelGzipStream"/> cuts and compresses its input.</summary>
public sealed record ParallelGzipOptions
{
    /// <summary>The default: 1 MiB members, <see cref="CompressionLevel.Optimal"/> (zlib level 6), all cores.</summary>
    public static ParallelGzipOptions Default { get; } = new();

    /// <summary>Input bytes per gzip member. Part of the output's identity: change it and the bytes change.</summary>
    public int ChunkSize { get; init; } = 1 << 20;

    /// <summary>The deflate level. Part of the output's identity too.</summary>
    public CompressionLevel Level { get; init; } = CompressionLevel.Optimal;

    /// <summary>
    /// The deflate library: libdeflate when it loads, else .NET's zlib-ng. Part of the output's identity:
    /// the two make different (equally valid) members at the same level.
    /// </summary>
    public CodecLibrary Library { get; init; } = CodecLibraries.Preferred(BlockCompression.Gzip);

    /// <summary>Members compressed at once; does not change the output.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
