using System.Globalization;
using Boxer.Core.Import;

namespace Boxer.Core.Sources;

/// <summary>
/// Gentoo's <c>latest-stage3-&lt;arch&gt;-&lt;flavour&gt;.txt</c> (its clear-signature, if any, already checked):
/// comment lines starting with <c>#</c>, and one line <c>&lt;relative path&gt; &lt;size&gt;</c> naming the tarball.
/// </summary>
public sealed record LatestStageFile(string RelativePath, long Size)
{
    /// <summary>The tarball's file name.</summary>
    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>Reads the tarball line.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="url">Where it came from, for the message.</param>
    /// <exception cref="StageException">There is no tarball line, or it names a path outside the directory.</exception>
    public static LatestStageFile Parse(string text, string url)
    {
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long size)
                || !fields[0].Contains(".tar", StringComparison.Ordinal))
            {
                continue;
            }
            if (!IsSafeRelative(fields[0]))
            {
                throw new StageException($"{url}: the tarball line names '{fields[0]}', which is not a path below the file's directory");
            }
            return new LatestStageFile(fields[0], size);
        }
        throw new StageException($"{url}: no tarball line ('<path> <size>') in it");
    }

    private static bool IsSafeRelative(string path) =>
        !path.StartsWith('/') && !path.Contains("://", StringComparison.Ordinal) && !path.Contains('\\')
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != ".." && !part.Contains('?') && !part.Contains('#'));
}
