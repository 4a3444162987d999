using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Boxer.Core.Recipes;

/// <summary>
/// A recipe and every file it <c>#load</c>s, recursively, read without Roslyn: the cache key needs the
/// content of all of them before deciding whether the compiler is needed at all.
/// </summary>
public sealed partial class RecipeSourceSet
{
    private RecipeSourceSet(IReadOnlyList<RecipeSource> sources) => Sources = sources;

    /// <summary>The main file first, then each loaded file in the order first met (depth first).</summary>
    public IReadOnlyList<RecipeSource> Sources { get; }

    public RecipeSource Main => Sources[0];

    /// <summary>The SHA-256 of every source's text in order, lowercase hex: the recipe's identity for provenance.</summary>
    public string Sha256 => Hash(withPaths: false);

    /// <summary>
    /// The SHA-256 of every source's full path and text: part of the cache key, since the paths are compiled
    /// into the debug information that runtime errors point at.
    /// </summary>
    public string Fingerprint => Hash(withPaths: true);

    /// <summary>Reads <paramref name="path"/> and the files it loads.</summary>
    /// <exception cref="RecipeException">The file, or a file it loads, does not exist.</exception>
    public static RecipeSourceSet Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new RecipeException($"recipe not found: {path}", full);
        }
        var sources = new List<RecipeSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(full, sources, seen);
        return new RecipeSourceSet(sources);
    }

    private static void Visit(string fullPath, List<RecipeSource> sources, HashSet<string> seen)
    {
        if (!seen.Add(fullPath))
        {
            return;
        }
        var text = File.ReadAllText(fullPath, Encoding.UTF8);
        sources.Add(new RecipeSource(fullPath, text));
        foreach (var (line, target) in LoadDirectives(text))
        {
            var loaded = Path.GetFullPath(target, Path.GetDirectoryName(fullPath)!);
            if (!File.Exists(loaded))
            {
                throw RecipeException.At(fullPath, line, null, $"#load target not found: {target} (looked for {loaded})");
            }
            Visit(loaded, sources, seen);
        }
    }

    /// <summary>
    /// The <c>#load "path"</c> directives of a script. Like the C# compiler, only the directive block at the
    /// top counts: blank lines, <c>//</c> comments and other <c>#</c> directives may come between them.
    /// </summary>
    internal static IEnumerable<(int Line, string Target)> LoadDirectives(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            if (!line.StartsWith('#'))
            {
                yield break;
            }
            if (LoadPattern().Match(line) is { Success: true } m)
            {
                yield return (i + 1, m.Groups[1].Value);
            }
        }
    }

    private string Hash(bool withPaths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in Sources)
        {
            var head = withPaths ? $"{s.FullPath}\0{s.Text.Length}\0" : $"{s.Text.Length}\0";
            sha.AppendData(Encoding.UTF8.GetBytes(head));
            sha.AppendData(Encoding.UTF8.GetBytes(s.Text));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    [GeneratedRegex("""^#load\s+"([^"]+)"\s*$""")]
    private static partial Regex LoadPattern();
}
