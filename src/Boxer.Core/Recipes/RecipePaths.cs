namespace Boxer.Core.Recipes;

/// <summary>How recipe file paths are shown to the user.</summary>
public static class RecipePaths
{
    /// <summary>
    /// The path relative to the current directory when the file lies below it (what the user typed, usually),
    /// else the full path.
    /// </summary>
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
