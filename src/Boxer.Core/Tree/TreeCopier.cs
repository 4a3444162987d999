namespace Boxer.Core.Tree;

/// <summary>Deep-copies a tree's metadata, keeping hard-link groups as groups in the copy.</summary>
internal static class TreeCopier
{
    public static TreeNode Copy(TreeNode root)
    {
        var groups = new Dictionary<Inode, Inode>(ReferenceEqualityComparer.Instance);
        var copy = new TreeNode(root.Name, null, root.Inode.ShallowCopy());
        var stack = new Stack<(TreeNode From, TreeNode To)>();
        stack.Push((root, copy));
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            foreach (var child in from.SortedChildren())
            {
                var childCopy = new TreeNode(child.Name, to, CopyInode(child.Inode, groups));
                if (childCopy.Inode.Names is not null)
                {
                    childCopy.Inode.Names.Add(childCopy);
                }
                to.AddChild(childCopy);
                stack.Push((child, childCopy));
            }
        }
        return copy;
    }

    private static Inode CopyInode(Inode inode, Dictionary<Inode, Inode> groups)
    {
        if (inode.Names is null)
        {
            return inode.ShallowCopy();
        }
        if (!groups.TryGetValue(inode, out var shared))
        {
            shared = inode.ShallowCopy();
            shared.Names = new List<TreeNode>(inode.Names.Count);
            groups[inode] = shared;
        }
        return shared;
    }
}
