namespace Boxer.Core.Tree;

/// <summary>
/// A path glob: <c>*</c> and <c>?</c> match within one segment (a leading dot included), <c>**</c> as a
/// whole segment matches any number of segments (zero included, except at the end: <c>etc/**</c> is
/// everything inside <c>etc</c>), <c>[abc]</c>, <c>[a-z]</c> and
/// <c>[!a]</c> (or <c>[^a]</c>) match one character of a class.
/// </summary>
internal sealed class GlobPattern
{
    private readonly string[] _segments;

    public GlobPattern(string pattern) => _segments = TreePath.Split(TreePath.Normalize(pattern));

    /// <summary>True when the pattern names the root itself (an empty pattern).</summary>
    public bool IsRoot => _segments.Length == 0;

    public bool IsMatch(IReadOnlyList<string> pathSegments) => MatchFrom(0, pathSegments, 0);

    /// <summary>True when some path below <paramref name="dirSegments"/> could still match, so a walk may prune.</summary>
    public bool CouldMatchBelow(IReadOnlyList<string> dirSegments) => PrefixFrom(0, dirSegments, 0);

    private bool MatchFrom(int p, IReadOnlyList<string> path, int s)
    {
        while (p < _segments.Length)
        {
            if (_segments[p] == "**")
            {
                // A trailing ** means "everything inside", as in .gitignore: not the directory itself.
                if (p == _segments.Length - 1)
                {
                    return s < path.Count;
                }
                for (int skip = s; skip <= path.Count; skip++)
                {
                    if (MatchFrom(p + 1, path, skip))
                    {
                        return true;
                    }
                }
                return false;
            }
            if (s >= path.Count || !SegmentMatches(_segments[p], path[s]))
            {
                return false;
            }
            p++;
            s++;
        }
        return s == path.Count;
    }

    private bool PrefixFrom(int p, IReadOnlyList<string> dir, int s)
    {
        while (s < dir.Count)
        {
            if (p >= _segments.Length)
            {
                return false;
            }
            if (_segments[p] == "**")
            {
                return true;
            }
            if (!SegmentMatches(_segments[p], dir[s]))
            {
                return false;
            }
            p++;
            s++;
        }
        return p < _segments.Length;
    }

    internal static bool SegmentMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Iterative wildcard matching with one backtrack point for the last '*'.
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
                continue;
            }
            if (p < pattern.Length && SingleMatches(pattern, ref p, name[n]))
            {
                n++;
                continue;
            }
            if (starP < 0)
            {
                return false;
            }
            p = starP + 1;
            n = ++starN;
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    // Matches one pattern element (literal, '?' or a class) at p against c; advances p past it on success.
    private static bool SingleMatches(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        if (pattern[p] == '?')
        {
            p++;
            return true;
        }
        if (pattern[p] == '[' && ClassEnd(pattern, p) is var end and > 0)
        {
            bool hit = ClassContains(pattern[(p + 1)..end], c);
            if (hit)
            {
                p = end + 1;
            }
            return hit;
        }
        if (pattern[p] == c)
        {
            p++;
            return true;
        }
        return false;
    }

    private static int ClassEnd(ReadOnlySpan<char> pattern, int open)
    {
        int i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }
        int close = pattern[i..].IndexOf(']');
        return close < 0 ? -1 : i + close;
    }

    private static bool ClassContains(ReadOnlySpan<char> body, char c)
    {
        bool negate = body.Length > 0 && body[0] is '!' or '^';
        if (negate)
        {
            body = body[1..];
        }
        bool found = false;
        for (int i = 0; i < body.Length && !found; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                found = c >= body[i] && c <= body[i + 2];
                i += 2;
            }
            else
            {
                found = body[i] == c;
            }
        }
        return found != negate;
    }
}
