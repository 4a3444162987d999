namespace Boxer.Core.Tree;

/// <summary>Turns the path spellings users and archives use (<c>/etc</c>, <c>./etc</c>, <c>etc/</c>) into the tree's one form.</summary>
public static class TreePath
{
    /// <summary>Normalizes a path to the <see cref="Boxer.Abstractions.FsEntry.Path"/> form.</summary>
    /// <param name="path">A path, absolute or relative to the root.</param>
    /// <returns>The normalized path; empty for the root.</returns>
    /// <exception cref="ArgumentException">The path climbs above the root with <c>..</c>, or holds a NUL.</exception>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryNormalize(path, out var normalized)
            ? normalized
            : throw new ArgumentException($"path '{path}' escapes the root or holds a NUL", nameof(path));
    }

    /// <summary>Normalizes a path, returning false instead of throwing when it escapes the root.</summary>
    /// <param name="path">A path, absolute or relative to the root.</param>
    /// <param name="normalized">The normalized path when the result is true.</param>
    /// <returns>Whether the path stays inside the root.</returns>
    public static bool TryNormalize(string path, out string normalized)
    {
        normalized = "";
        if (path.Contains('\0'))
        {
            return false;
        }
        if (IsAlreadyNormal(path))
        {
            normalized = path;
            return true;
        }
        var kept = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (kept.Count == 0)
                {
                    return false;
                }
                kept.RemoveAt(kept.Count - 1);
                continue;
            }
            kept.Add(segment);
        }
        normalized = string.Join('/', kept);
        return true;
    }

    /// <summary>The path's segments; none for the root.</summary>
    internal static string[] Split(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split('/');

    // The common case (archive and recipe paths are usually clean) must not allocate.
    private static bool IsAlreadyNormal(string path)
    {
        if (path.Length == 0)
        {
            return true;
        }
        if (path[0] == '/' || path[^1] == '/')
        {
            return false;
        }
        int start = 0;
        while (start <= path.Length)
        {
            int end = path.IndexOf('/', start);
            if (end < 0)
            {
                end = path.Length;
            }
            var segment = path.AsSpan(start, end - start);
            if (segment.Length == 0 || segment is "." || segment is "..")
            {
                return false;
            }
            start = end + 1;
        }
        return true;
    }
}
