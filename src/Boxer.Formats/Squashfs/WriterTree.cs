using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// The tree of names built from the root filesystem's enumeration, with inode numbers and link counts
/// assigned. Inodes are numbered in the order they are written (children before their directory, root
/// last), so numbering is a pure function of the tree.
/// </summary>
internal sealed class WriterTree
{
    private WriterTree(TreeNode root, List<TreeNode> files, uint inodeCount, UnixTime latest)
    {
        Latest = latest;
        Root = root;
        Files = files;
        InodeCount = inodeCount;
    }

    public TreeNode Root { get; }

    /// <summary>Regular files (first names only), in enumeration order: the order their data is written.</summary>
    public List<TreeNode> Files { get; }

    public uint InodeCount { get; }

    /// <summary>The latest modification time of any entry.</summary>
    public UnixTime Latest { get; }

    public static WriterTree Build(IEnumerable<FsEntry> entries)
    {
        var byPath = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        var files = new List<TreeNode>();
        TreeNode? root = null;
        var latest = new UnixTime(long.MinValue);
        foreach (var entry in entries)
        {
            latest = entry.ModifiedTime.CompareTo(latest) > 0 ? entry.ModifiedTime : latest;
            var node = root is null ? CreateRoot(entry) : CreateChild(entry, byPath);
            root ??= node;
            byPath[entry.Path] = node;
            if (entry.Kind == EntryKind.File)
            {
                files.Add(node);
            }
        }
        if (root is null)
        {
            throw new SquashfsException("the tree has no root directory");
        }
        uint count = 0;
        Number(root, ref count);
        return new WriterTree(root, files, count, latest);
    }

    private static TreeNode CreateRoot(FsEntry entry)
    {
        if (entry.Path.Length != 0 || entry.Kind != EntryKind.Directory)
        {
            throw new SquashfsException($"the first entry must be the root directory, not '{entry.Path}'") { EntryPath = entry.Path };
        }
        var root = new TreeNode(entry, []) { Children = [], LinkCount = 2 };
        root.Inode = root;
        return root;
    }

    private static TreeNode CreateChild(FsEntry entry, Dictionary<string, TreeNode> byPath)
    {
        if (!byPath.TryGetValue(entry.ParentPath ?? "", out var parent) || parent.Children is null)
        {
            throw new SquashfsException($"'{entry.Path}' comes before its parent directory") { EntryPath = entry.Path };
        }
        bool isDirectory = entry.Kind == EntryKind.Directory;
        var node = new TreeNode(entry, TreeNode.EncodeName(entry))
        {
            Parent = parent,
            Children = isDirectory ? [] : null,
            LinkCount = isDirectory ? 2u : 1u,
        };
        node.Inode = node;
        if (entry.Kind == EntryKind.HardLink)
        {
            if (entry.LinkTarget is null || !byPath.TryGetValue(entry.LinkTarget, out var target) || target.Entry.Kind != EntryKind.File)
            {
                throw new SquashfsException($"hard link '{entry.Path}' names '{entry.LinkTarget}', which is not an earlier regular file") { EntryPath = entry.Path };
            }
            node.Inode = target;
            target.LinkCount++;
        }
        if (isDirectory)
        {
            parent.LinkCount++;
        }
        parent.Children.Add(node);
        return node;
    }

    private static void Number(TreeNode directory, ref uint count)
    {
        // Lookups binary-search names by byte order; enumeration is already sorted this way, this makes sure.
        directory.Children!.Sort(static (a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        foreach (var child in directory.Children!)
        {
            if (child.Children is not null)
            {
                Number(child, ref count);
            }
            else if (child.Inode == child)
            {
                child.InodeNumber = ++count;
            }
        }
        directory.InodeNumber = ++count;
    }
}
