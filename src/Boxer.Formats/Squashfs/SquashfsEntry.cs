using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// One name read from a squashfs image. <see cref="Entry"/> follows the contract: the first name of an inode
/// with several links is a <see cref="EntryKind.File"/>, later names are <see cref="EntryKind.HardLink"/>s naming it.
/// </summary>
/// <param name="Entry">The name's metadata.</param>
/// <param name="InodeNumber">The inode number; hard-link names share it.</param>
/// <param name="LinkCount">The inode's link count.</param>
public sealed record SquashfsEntry(FsEntry Entry, uint InodeNumber, uint LinkCount)
{
    internal FileData? Data { get; init; }
}

/// <summary>Where a file's data lies; its block list (<paramref name="BlockCount"/> sizes at <paramref name="ListBlock"/>, <paramref name="ListOffset"/> in the inode table) is read only with the content.</summary>
internal sealed record FileData(long BlocksStart, long Size, long ListBlock, int ListOffset, int BlockCount, uint FragmentIndex, uint FragmentOffset);
