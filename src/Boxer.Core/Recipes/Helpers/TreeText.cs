using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Helpers;

/// <summary>Reads and writes text files of the tree for the helpers, with a clear error for a missing file.</summary>
internal static class TreeText
{
    public static string Read(IReadOnlyRootFs fs, string path, string helper)
    {
        var entry = fs.Find(path);
        if (entry is null)
        {
            throw new RecipeException($"{helper}: {Absolute(path)} does not exist");
        }
        if (!entry.HasContent)
        {
            throw new RecipeException($"{helper}: {Absolute(path)} is a {entry.Kind.ToString().ToLowerInvariant()}, not a file");
        }
        return fs.ReadAllText(path);
    }

    /// <summary>Writes only when the text changed, so an untouched file keeps its bytes and time.</summary>
    public static bool WriteIfChanged(IRootFs fs, string path, string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return false;
        }
        fs.WriteAllText(path, after);
        return true;
    }

    public static string Absolute(string path) => "/" + path.TrimStart('/');

    /// <summary>Splits into lines keeping whether the text ended with a newline.</summary>
    public static List<string> Lines(string text, out bool trailingNewline)
    {
        trailingNewline = text.EndsWith('\n');
        var body = trailingNewline ? text[..^1] : text;
        return body.Length == 0 && trailingNewline ? [] : [.. body.Split('\n')];
    }

    public static string Join(List<string> lines, bool trailingNewline) =>
        string.Join('\n', lines) + (trailingNewline && lines.Count > 0 ? "\n" : "");
}
