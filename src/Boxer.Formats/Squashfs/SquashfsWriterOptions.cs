using System.Numerics;
using Boxer.Abstractions;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>How <see cref="SquashfsWriter"/> lays out and compresses an image.</summary>
public sealed record SquashfsWriterOptions
{
    /// <summary>The data block size: a power of two from 4 KiB to 1 MiB. 128 KiB is what mksquashfs and apptainer use.</summary>
    public int BlockSize { get; init; } = 128 * 1024;

    /// <summary>The compressor. Gzip (zlib) is the default because every kernel and squashfuse build reads it.</summary>
    public BlockCompression Compression { get; init; } = BlockCompression.Gzip;

    /// <summary>
    /// The compression level, or null for mksquashfs's default (gzip 9, zstd 15), which needs no compressor
    /// options block. A non-default level is recorded in the image's compressor options.
    /// </summary>
    public int? CompressionLevel { get; init; }

    /// <summary>
    /// The library that compresses (it is part of what the bytes depend on), or null for the native one when it
    /// loads (libdeflate, libzstd), else the managed fallback. Must write <see cref="Compression"/>.
    /// </summary>
    public CodecLibrary? Library { get; init; }

    /// <summary>How many blocks compress at once; null for one per core. Output bytes do not depend on it.</summary>
    public int? Parallelism { get; init; }

    /// <summary>When set, every time in the image is clamped to it and the superblock carries it (reproducible builds).</summary>
    public UnixTime? SourceDateEpoch { get; init; }

    /// <summary>Pack files smaller than a block into shared fragment blocks.</summary>
    public bool UseFragments { get; init; } = true;

    /// <summary>Also pack the tail ends of files larger than a block into fragments (as tar2sqfs does).</summary>
    public bool PackTails { get; init; } = true;

    /// <summary>Store files with identical content once (as mksquashfs and tar2sqfs do); hard links are always one inode.</summary>
    public bool Deduplicate { get; init; } = true;

    /// <summary>
    /// Give directories whose listing spans metadata blocks an index (an extended inode), so the kernel
    /// looks names up without scanning the whole listing. mksquashfs does this; tar2sqfs does not, which
    /// is the one thing sqfsdiff reports between the two ("has an extended type").
    /// </summary>
    public bool DirectoryIndex { get; init; } = true;

    /// <summary>Write the export table (inode number to inode lookup) so the image can be exported over NFS.</summary>
    public bool Exportable { get; init; } = true;

    /// <summary>
    /// Receives the running total of content bytes read so far, as they are read (a total, not a delta, as
    /// <see cref="Tar.TarWriter.WriteTreeAsync"/> reports; <see cref="Events.PhaseReporter"/> takes it).
    /// </summary>
    public IProgress<long>? Progress { get; init; }

    internal int EffectiveParallelism => Math.Max(1, Parallelism ?? Environment.ProcessorCount);

    internal void Validate()
    {
        if (!BitOperations.IsPow2(BlockSize) || BlockSize < 1 << SquashfsLayout.MinBlockLog || BlockSize > 1 << SquashfsLayout.MaxBlockLog)
        {
            throw new ArgumentOutOfRangeException(nameof(BlockSize), BlockSize, "block size must be a power of two from 4096 to 1048576");
        }
    }
}
