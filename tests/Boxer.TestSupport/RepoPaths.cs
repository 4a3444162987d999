namespace Boxer.TestSupport;

/// <summary>Locates the repository's folders from a running test, whatever the build output path.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding Boxer.sln).</summary>
    public static string Root => RootLazy.Value;

    public static string Recipes => Path.Combine(Root, "recipes");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boxer.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Boxer.sln not found above {AppContext.BaseDirectory}");
    }
}
