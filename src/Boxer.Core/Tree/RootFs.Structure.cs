using Boxer.Abstractions;

namespace Boxer.Core.Tree;

// Attaching and detaching nodes, with the bookkeeping (entry count, content size, hard-link names) in one place.
public sealed partial class RootFs
{
    /// <summary>Finds or creates (0755, root-owned) the parent directories of a path; returns the parent and the last segment.</summary>
    private (TreeNode Parent, string Name) ParentFor(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var normalized = TreePath.Normalize(path);
        if (normalized.Length == 0)
        {
            throw new ArgumentException("the root directory cannot be replaced", nameof(path));
        }
        var segments = TreePath.Split(normalized);
        var dir = _root;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            var next = dir.Child(segments[i]);
            if (next is null)
            {
                next = new TreeNode(segments[i], dir, NewDirectoryInode(DefaultDirectoryMode));
                Attach(dir, next);
            }
            else if (!next.IsDirectory)
            {
                throw new IOException(
                    $"'{string.Join('/', segments[..(i + 1)])}' is a {next.Inode.Kind}, not a directory (links are not followed)");
            }
            dir = next;
        }
        return (dir, segments[^1]);
    }

    /// <summary>Adds a node under a directory, replacing (with its subtree) whatever had that name.</summary>
    private void Attach(TreeNode parent, TreeNode node)
    {
        if (parent.Child(node.Name) is { } old)
        {
            Detach(old);
        }
        parent.AddChild(node);
        _count++;
        var inode = node.Inode;
        if (inode.Kind != EntryKind.File)
        {
            return;
        }
        if (inode.Names is null)
        {
            _contentSize += inode.Size;
        }
        else
        {
            inode.Names.Add(node);
        }
    }

    /// <summary>Adds another name for the file <paramref name="existing"/> names.</summary>
    private void AttachLink(TreeNode parent, string name, TreeNode existing)
    {
        var inode = existing.Inode;
        inode.Names ??= [existing];
        Attach(parent, new TreeNode(name, parent, inode));
    }

    /// <summary>Removes a node and its subtree; returns how many entries went.</summary>
    private int Detach(TreeNode node)
    {
        node.Parent?.RemoveChild(node);
        int removed = 0;
        var stack = new Stack<TreeNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            removed++;
            ForgetName(n);
            foreach (var child in n.SortedChildren())
            {
                stack.Push(child);
            }
        }
        node.Parent = null;
        _count -= removed;
        return removed;
    }

    private void ForgetName(TreeNode node)
    {
        var inode = node.Inode;
        if (inode.Kind != EntryKind.File)
        {
            return;
        }
        if (inode.Names is null)
        {
            _contentSize -= inode.Size;
            return;
        }
        inode.Names.Remove(node);
        // No name left: a hard link replaced the directory holding its own target (tar allows it).
        if (inode.Names.Count == 0)
        {
            _contentSize -= inode.Size;
        }
        if (inode.Names.Count <= 1)
        {
            inode.Names = null;
        }
    }

    private void SetContent(Inode inode, byte[] bytes)
    {
        _contentSize += bytes.Length - inode.Size;
        inode.Bytes = bytes;
        inode.Size = bytes.Length;
        inode.SpoolOffset = 0;
        inode.ModifiedTime = NewEntryTime;
    }
}
