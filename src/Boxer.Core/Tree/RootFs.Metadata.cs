using System.Collections.Immutable;
using Boxer.Abstractions;

namespace Boxer.Core.Tree;

// Edits of an entry's metadata; on a hard-link group they act on the shared inode, so every name sees them.
public sealed partial class RootFs
{
    /// <inheritdoc/>
    public void SetMode(string path, int mode) => InodeOf(path).Mode = mode & 0xFFF;

    /// <inheritdoc/>
    public void SetOwner(string path, int uid, int gid, string? userName = null, string? groupName = null)
    {
        var inode = InodeOf(path);
        inode.Uid = uid;
        inode.Gid = gid;
        inode.UserName = _names.Intern(userName);
        inode.GroupName = _names.Intern(groupName);
    }

    /// <inheritdoc/>
    public void SetModifiedTime(string path, UnixTime time) => InodeOf(path).ModifiedTime = time;

    /// <inheritdoc/>
    public void SetXattr(string path, string name, ReadOnlySpan<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var inode = InodeOf(path);
        inode.Xattrs = inode.Xattrs.SetItem(name, ImmutableArray.Create(value));
    }

    /// <inheritdoc/>
    public bool RemoveXattr(string path, string name)
    {
        var inode = InodeOf(path);
        if (!inode.Xattrs.ContainsKey(name))
        {
            return false;
        }
        inode.Xattrs = inode.Xattrs.Remove(name);
        return true;
    }

    private Inode InodeOf(string path) => (Lookup(path) ?? throw NotFound(path)).Inode;
}
