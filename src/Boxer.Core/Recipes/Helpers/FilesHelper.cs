using System.Text.RegularExpressions;
using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Helpers;

/// <summary>Bulk file edits for recipes: delete by glob with the bytes freed, and regex replacement with a count.</summary>
public sealed class FilesHelper(IRootFs fs)
{
    /// <summary>
    /// Deletes every entry matching <paramref name="pattern"/> (see <see cref="IReadOnlyRootFs.Glob"/>) with its subtree.
    /// </summary>
    /// <returns>The entries removed and the content bytes of the regular files among them.</returns>
    public DeleteResult DeleteGlob(string pattern)
    {
        var matches = fs.Glob(pattern.TrimStart('/')).Select(e => e.Path).ToList();
        if (matches.Count == 0)
        {
            return default;
        }
        var bytes = fs.Entries
            .Where(e => e.Kind == EntryKind.File && matches.Any(m => e.Path == m || e.Path.StartsWith(m + "/", StringComparison.Ordinal)))
            .Sum(e => e.Size);
        return new DeleteResult(fs.DeleteGlob(pattern.TrimStart('/')), bytes);
    }

    /// <summary>
    /// Replaces every match of <paramref name="pattern"/> (multi-line mode: <c>^</c>/<c>$</c> match at line
    /// ends) in a text file. The file is rewritten only when something matched.
    /// </summary>
    /// <returns>The number of matches replaced.</returns>
    /// <exception cref="RecipeException">The file does not exist.</exception>
    public int Replace(string path, string pattern, string replacement)
    {
        var before = TreeText.Read(fs, path, "Files.Replace");
        var regex = new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant);
        var count = regex.Count(before);
        if (count > 0)
        {
            TreeText.WriteIfChanged(fs, path, before, regex.Replace(before, replacement));
        }
        return count;
    }

    /// <summary>True when <paramref name="path"/> exists after following symlinks inside the tree (see <see cref="TreePaths"/>).</summary>
    public bool Exists(string path) => TreePaths.Exists(fs, path);

    /// <summary>Writes a text file (created 0644), replacing its content.</summary>
    public void Write(string path, string text) => fs.WriteAllText(path, text);
}
