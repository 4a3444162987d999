using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>The superblock facts of an image, as <c>unsquashfs -s</c> shows them.</summary>
/// <param name="Compression">The compressor.</param>
/// <param name="CompressionLevel">The level from the compressor options, or null when the image has none (the default).</param>
/// <param name="BlockSize">The data block size.</param>
/// <param name="InodeCount">The number of inodes.</param>
/// <param name="BytesUsed">The image's size without padding.</param>
/// <param name="ModificationTime">The superblock's time, Unix seconds.</param>
/// <param name="FragmentCount">The number of fragment blocks.</param>
/// <param name="Exportable">Whether an export table is present.</param>
public sealed record SquashfsSummary(
    BlockCompression Compression, int? CompressionLevel, int BlockSize, uint InodeCount, long BytesUsed, uint ModificationTime, uint FragmentCount, bool Exportable);
