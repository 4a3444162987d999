namespace Boxer.Formats.Squashfs;

/// <summary>What <see cref="SquashfsWriter"/> wrote.</summary>
/// <param name="Length">Bytes written to the stream, including the padding to a 4 KiB multiple.</param>
/// <param name="BytesUsed">The image's own size as its superblock records it (without padding).</param>
/// <param name="InodeCount">Inodes written (hard-link names share one).</param>
/// <param name="FragmentCount">Fragment blocks written.</param>
/// <param name="Warnings">Things that could not be represented, e.g. xattrs outside squashfs's namespaces.</param>
public sealed record SquashfsImageInfo(long Length, long BytesUsed, uint InodeCount, int FragmentCount, IReadOnlyList<string> Warnings);
