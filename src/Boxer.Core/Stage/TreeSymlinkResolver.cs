using Boxer.Abstractions;

namespace Boxer.Core.Stage;

/// <summary>
/// Resolves a path inside a tree the way the kernel would inside a chroot: symlinks in every segment are
/// followed, absolute targets start again at the tree's root and <c>..</c> never climbs above it.
/// </summary>
internal static class TreeSymlinkResolver
{
    private const int MaxLinks = 40;

    /// <summary>The entry a path finally names, or null when it is missing, dangling or loops.</summary>
    public static FsEntry? Resolve(IReadOnlyRootFs tree, string path)
    {
        var pending = new Stack<string>(Segments(path).Reverse());
        var resolved = new List<string>();
        int links = 0;
        while (pending.Count > 0)
        {
            var segment = pending.Pop();
            if (segment == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }
                continue;
            }
            resolved.Add(segment);
            var entry = tree.Find(string.Join('/', resolved));
            if (entry is null)
            {
                return null;
            }
            if (entry.Kind != EntryKind.Symlink)
            {
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            resolved.RemoveAt(resolved.Count - 1);
            var target = entry.LinkTarget!;
            // The importer refuses such targets, but a tree may come from elsewhere; Find would throw on a NUL.
            if (target.Length == 0 || target.Contains('\0'))
            {
                return null;
            }
            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }
            foreach (var part in Segments(target).Reverse())
            {
                pending.Push(part);
            }
        }
        return tree.Find(string.Join('/', resolved));
    }

    private static IEnumerable<string> Segments(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".");
}
