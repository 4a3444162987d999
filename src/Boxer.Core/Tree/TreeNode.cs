namespace Boxer.Core.Tree;

/// <summary>One name in the tree: a segment, its parent directory and the inode it names.</summary>
internal sealed class TreeNode(string name, TreeNode? parent, Inode inode)
{
    private Dictionary<string, TreeNode>? _children;
    private TreeNode[]? _sorted;

    public string Name { get; set; } = name;

    public TreeNode? Parent { get; set; } = parent;

    public Inode Inode { get; set; } = inode;

    public bool IsDirectory => Inode.Kind == Boxer.Abstractions.EntryKind.Directory;

    public int ChildCount => _children?.Count ?? 0;

    public string Path
    {
        get
        {
            if (Parent is null)
            {
                return "";
            }
            return Parent.Parent is null ? Name : string.Concat(Parent.Path, "/", Name);
        }
    }

    public TreeNode? Child(string name) =>
        _children is not null && _children.TryGetValue(name, out var child) ? child : null;

    /// <summary>Children ordered by the UTF-8 bytes of their names; cached until the next change.</summary>
    public TreeNode[] SortedChildren()
    {
        if (_children is null || _children.Count == 0)
        {
            return [];
        }
        var sorted = _sorted;
        if (sorted is null)
        {
            sorted = [.. _children.Values];
            Array.Sort(sorted, static (a, b) => Utf8NameComparer.Instance.Compare(a.Name, b.Name));
            _sorted = sorted;
        }
        return sorted;
    }

    public void AddChild(TreeNode child)
    {
        _children ??= new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        _children[child.Name] = child;
        child.Parent = this;
        _sorted = null;
    }

    public void RemoveChild(TreeNode child)
    {
        if (_children is not null && _children.Remove(child.Name))
        {
            _sorted = null;
        }
    }

    public void ClearChildren()
    {
        _children = null;
        _sorted = null;
    }

    /// <summary>True when this node comes before <paramref name="other"/> in enumeration order.</summary>
    public bool PrecedesInOrder(TreeNode other) => CompareOrder(this, other) < 0;

    private static int CompareOrder(TreeNode a, TreeNode b)
    {
        var pa = Ancestry(a);
        var pb = Ancestry(b);
        int n = Math.Min(pa.Count, pb.Count);
        for (int i = 0; i < n; i++)
        {
            if (!ReferenceEquals(pa[i], pb[i]))
            {
                return Utf8NameComparer.Instance.Compare(pa[i].Name, pb[i].Name);
            }
        }
        return pa.Count - pb.Count;
    }

    private static List<TreeNode> Ancestry(TreeNode node)
    {
        var chain = new List<TreeNode>();
        for (var n = node; n.Parent is not null; n = n.Parent)
        {
            chain.Add(n);
        }
        chain.Reverse();
        return chain;
    }
}
