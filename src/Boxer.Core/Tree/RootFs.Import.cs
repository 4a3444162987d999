using Boxer.Abstractions;

namespace Boxer.Core.Tree;

// The importer's way in: entries arrive with full metadata and replace what was there, as extraction would.
public sealed partial class RootFs
{
    internal static RootFs CreateForImport(ContentSpool spool, UnixTime newEntryTime)
    {
        var tree = new RootFs(spool, new NamePool()) { NewEntryTime = newEntryTime };
        tree._root.Inode.ModifiedTime = newEntryTime;
        return tree;
    }

    /// <summary>The spool the importer appends content to.</summary>
    internal ContentSpool? Spool => _spool;

    internal string? InternName(string? name) => _names.Intern(name);

    /// <summary>
    /// Puts an archive entry at a normalized path. A directory over a directory only takes the new
    /// metadata (its children stay); anything else replaces the old entry and its subtree.
    /// </summary>
    internal void PutImported(string normalizedPath, Inode inode)
    {
        var existing = Lookup(normalizedPath);
        if (existing is { IsDirectory: true } && inode.Kind == EntryKind.Directory)
        {
            CopyMetadata(inode, existing.Inode);
            return;
        }
        if (normalizedPath.Length == 0)
        {
            throw new IOException($"the root entry is a {inode.Kind}, not a directory");
        }
        var (parent, name) = ParentFor(normalizedPath);
        Attach(parent, new TreeNode(name, parent, inode));
    }

    /// <summary>
    /// Puts a hard link to an earlier entry. A file shares its inode; a symlink, device or FIFO (which tar
    /// can also link) becomes a copy, since only regular files are hard-link groups in the model.
    /// </summary>
    /// <returns>False when the target does not exist.</returns>
    internal bool PutImportedHardLink(string normalizedPath, string normalizedTarget)
    {
        var existing = Lookup(normalizedTarget);
        if (existing is null)
        {
            return false;
        }
        if (existing.IsDirectory)
        {
            throw new IOException($"hard link to the directory '{normalizedTarget}'");
        }
        var (parent, name) = ParentFor(normalizedPath);
        var old = parent.Child(name);
        if (old is not null && ReferenceEquals(old.Inode, existing.Inode))
        {
            return true;
        }
        if (existing.Inode.Kind == EntryKind.File)
        {
            AttachLink(parent, name, existing);
        }
        else
        {
            Attach(parent, new TreeNode(name, parent, existing.Inode.ShallowCopy()));
        }
        return true;
    }

    /// <summary>Flushes the spool: the import is done and readers may start.</summary>
    internal void SealSpool() => _spool?.Seal();

    private static void CopyMetadata(Inode from, Inode to)
    {
        to.Mode = from.Mode;
        to.Uid = from.Uid;
        to.Gid = from.Gid;
        to.UserName = from.UserName;
        to.GroupName = from.GroupName;
        to.ModifiedTime = from.ModifiedTime;
        to.Xattrs = from.Xattrs;
    }
}
