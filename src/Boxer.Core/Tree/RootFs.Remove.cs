namespace Boxer.Core.Tree;

// Edits that remove or move entries.
public sealed partial class RootFs
{
    /// <inheritdoc/>
    public int Delete(string path, bool recursive = false)
    {
        var node = Lookup(path);
        if (node is null)
        {
            return 0;
        }
        if (node.Parent is null)
        {
            throw new InvalidOperationException("the root directory cannot be deleted");
        }
        if (node.ChildCount > 0 && !recursive)
        {
            throw new IOException($"directory '{path}' is not empty; delete it recursively");
        }
        return Detach(node);
    }

    /// <inheritdoc/>
    public int DeleteGlob(string pattern)
    {
        var paths = Glob(pattern).Select(e => e.Path).ToList();
        int removed = 0;
        foreach (var path in paths)
        {
            if (path.Length == 0)
            {
                throw new InvalidOperationException($"'{pattern}' matches the root directory, which cannot be deleted");
            }
            // An earlier match may have taken this one with its subtree.
            if (Lookup(path) is { } node)
            {
                removed += Detach(node);
            }
        }
        return removed;
    }

    /// <inheritdoc/>
    public void Move(string from, string to)
    {
        var node = Lookup(from) ?? throw NotFound(from);
        if (node.Parent is null)
        {
            throw new InvalidOperationException("the root directory cannot be moved");
        }
        if (Exists(to))
        {
            throw new IOException($"cannot move '{from}' to '{to}': the destination exists");
        }
        var (parent, name) = ParentFor(to);
        for (var up = parent; up is not null; up = up.Parent)
        {
            if (ReferenceEquals(up, node))
            {
                throw new IOException($"cannot move '{from}' into itself ('{to}')");
            }
        }
        node.Parent.RemoveChild(node);
        node.Name = name;
        parent.AddChild(node);
    }
}
