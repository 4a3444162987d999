using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Helpers;

/// <summary>
/// Resolves paths inside the tree the way the kernel would inside the container: symlinks (absolute ones
/// against the tree's root) are followed, so <c>/sbin/init</c> is found on a merged-usr stage3 whose
/// <c>/sbin</c> links to <c>usr/bin</c>. The tree itself never follows links; recipes ask here when they must.
/// </summary>
public static class TreePaths
{
    private const int MaxLinks = 40;

    /// <summary>The tree path <paramref name="path"/> leads to after every symlink, or null if it leads nowhere.</summary>
    public static string? Resolve(IReadOnlyRootFs fs, string path)
    {
        ArgumentNullException.ThrowIfNull(fs);
        var pending = new List<string>(Segments(path));
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var segment = pending[0];
            pending.RemoveAt(0);
            if (segment == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }
                continue;
            }
            var candidate = string.Join('/', resolved.Append(segment));
            var entry = fs.Find(candidate);
            if (entry is null)
            {
                return null;
            }
            if (entry.Kind != EntryKind.Symlink)
            {
                resolved.Add(segment);
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (entry.LinkTarget!.StartsWith('/'))
            {
                resolved.Clear();
            }
            pending.InsertRange(0, Segments(entry.LinkTarget));
        }
        return string.Join('/', resolved);
    }

    /// <summary>True when <paramref name="path"/> leads to an entry after following symlinks.</summary>
    public static bool Exists(IReadOnlyRootFs fs, string path) => Resolve(fs, path) is not null;

    private static IEnumerable<string> Segments(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".");
}
