using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Tree;

// The read side of the contract: lookups, enumeration in the contract's order, globs and content.
public sealed partial class RootFs
{
    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public long ContentSize => _contentSize;

    /// <inheritdoc/>
    public IEnumerable<FsEntry> Entries => Walk(_root, "", _ => true, _ => true);

    /// <inheritdoc/>
    public bool Exists(string path) => Lookup(path) is not null;

    /// <inheritdoc/>
    public FsEntry? Find(string path) =>
        Lookup(path) is { } node ? ToEntry(node, TreePath.Normalize(path)) : null;

    /// <inheritdoc/>
    public FsEntry Get(string path) => Find(path) ?? throw NotFound(path);

    /// <inheritdoc/>
    public IEnumerable<FsEntry> Children(string directoryPath)
    {
        var dir = Lookup(directoryPath);
        if (dir is null || !dir.IsDirectory)
        {
            throw new FileNotFoundException($"no directory '{directoryPath}' in the tree", directoryPath);
        }
        var prefix = dir.Path;
        return dir.SortedChildren().Select(c => ToEntry(c, prefix.Length == 0 ? c.Name : $"{prefix}/{c.Name}")).ToList();
    }

    /// <inheritdoc/>
    public IEnumerable<FsEntry> Glob(string pattern)
    {
        var glob = new GlobPattern(pattern);
        if (glob.IsRoot)
        {
            return [ToEntry(_root, "")];
        }
        var segments = new List<string>();
        return Walk(_root, "", n => n.Parent is not null && glob.IsMatch(SegmentsOf(n, segments)),
            n => glob.CouldMatchBelow(SegmentsOf(n, segments)));
    }

    /// <inheritdoc/>
    public Stream OpenRead(string path)
    {
        var inode = ContentInode(path);
        if (inode.Bytes is not null)
        {
            return new MemoryStream(inode.Bytes, writable: false);
        }
        if (inode.Size == 0)
        {
            return new MemoryStream([], writable: false);
        }
        var spool = _spool ?? throw new ObjectDisposedException(nameof(RootFs), "the tree was disposed");
        return new SpoolReadStream(spool, inode.SpoolOffset, inode.Size);
    }

    /// <inheritdoc/>
    public byte[] ReadAllBytes(string path)
    {
        var inode = ContentInode(path);
        if (inode.Bytes is not null)
        {
            return (byte[])inode.Bytes.Clone();
        }
        var bytes = new byte[inode.Size];
        using var stream = OpenRead(path);
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public string ReadAllText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));

    internal TreeNode? Lookup(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var node = _root;
        var normalized = TreePath.Normalize(path);
        if (normalized.Length == 0)
        {
            return node;
        }
        int start = 0;
        while (start <= normalized.Length)
        {
            int end = normalized.IndexOf('/', start);
            if (end < 0)
            {
                end = normalized.Length;
            }
            node = node.Child(normalized[start..end]);
            if (node is null)
            {
                return null;
            }
            start = end + 1;
        }
        return node;
    }

    private Inode ContentInode(string path)
    {
        var node = Lookup(path) ?? throw NotFound(path);
        return node.Inode.Kind == EntryKind.File
            ? node.Inode
            : throw new InvalidOperationException($"'{path}' is a {node.Inode.Kind}, which has no content");
    }

    private static FileNotFoundException NotFound(string path) => new($"no entry '{path}' in the tree", path);

    // Depth first, siblings by UTF-8 bytes; 'include' picks entries, 'descend' prunes subtrees.
    private static IEnumerable<FsEntry> Walk(
        TreeNode start, string startPath, Func<TreeNode, bool> include, Func<TreeNode, bool> descend)
    {
        var stack = new Stack<(TreeNode Node, string Path)>();
        stack.Push((start, startPath));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (include(node))
            {
                yield return ToEntry(node, path);
            }
            if (!node.IsDirectory || node.ChildCount == 0 || !descend(node))
            {
                continue;
            }
            var children = node.SortedChildren();
            for (int i = children.Length - 1; i >= 0; i--)
            {
                var child = children[i];
                stack.Push((child, path.Length == 0 ? child.Name : $"{path}/{child.Name}"));
            }
        }
    }

    private static List<string> SegmentsOf(TreeNode node, List<string> into)
    {
        into.Clear();
        for (var n = node; n.Parent is not null; n = n.Parent)
        {
            into.Add(n.Name);
        }
        into.Reverse();
        return into;
    }

    private static FsEntry ToEntry(TreeNode node, string path)
    {
        var inode = node.Inode;
        var kind = inode.Kind;
        var linkTarget = inode.LinkTarget;
        if (kind == EntryKind.File && inode.Names is { Count: > 1 } && FirstName(inode) is var first && first != node)
        {
            kind = EntryKind.HardLink;
            linkTarget = first.Path;
        }
        return new FsEntry
        {
            Path = path,
            Kind = kind,
            Mode = inode.Mode,
            Uid = inode.Uid,
            Gid = inode.Gid,
            UserName = inode.UserName,
            GroupName = inode.GroupName,
            ModifiedTime = inode.ModifiedTime,
            Size = inode.Kind == EntryKind.File ? inode.Size : 0,
            LinkTarget = linkTarget,
            DeviceMajor = inode.DeviceMajor,
            DeviceMinor = inode.DeviceMinor,
            Xattrs = inode.Xattrs,
        };
    }

    private static TreeNode FirstName(Inode inode)
    {
        var names = inode.Names!;
        var first = names[0];
        for (int i = 1; i < names.Count; i++)
        {
            if (names[i].PrecedesInOrder(first))
            {
                first = names[i];
            }
        }
        return first;
    }
}
