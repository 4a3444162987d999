using System.Collections.Immutable;
using Boxer.Abstractions;

namespace Boxer.Core.Tree;

/// <summary>
/// The metadata and content location of one filesystem object. Every name of a hard-link group points
/// at the same inode, so a chmod through one name is seen through all of them. Kept lean: one per entry.
/// </summary>
internal sealed class Inode
{
    public EntryKind Kind;
    public int Mode;
    public int Uid;
    public int Gid;
    public string? UserName;
    public string? GroupName;
    public UnixTime ModifiedTime;
    public ImmutableSortedDictionary<string, ImmutableArray<byte>> Xattrs = FsEntry.NoXattrs;

    /// <summary>Content length of a file.</summary>
    public long Size;

    /// <summary>Where a file's content starts in the spool, when <see cref="Bytes"/> is null.</summary>
    public long SpoolOffset;

    /// <summary>Content written by an edit; never mutated once set, so clones may share it.</summary>
    public byte[]? Bytes;

    /// <summary>A symlink's target text.</summary>
    public string? LinkTarget;

    public int DeviceMajor;
    public int DeviceMinor;

    /// <summary>Every name of a file with more than one; null while there is just one (the common case).</summary>
    public List<TreeNode>? Names;

    public Inode ShallowCopy()
    {
        var copy = (Inode)MemberwiseClone();
        copy.Names = null;
        return copy;
    }
}
