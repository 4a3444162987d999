namespace Boxer.Core.Plugins;

/// <summary>
/// Where plugins are looked for, in order: <c>plugins/</c> beside the host assembly (and beside the executable
/// when that differs, see <see cref="AppDirectories"/>), each directory of
/// <c>$BOXER_PLUGIN_PATH</c> (colon-separated), then <c>~/.local/share/boxer/plugins</c>.
/// </summary>
public static class PluginSearchPath
{
    /// <summary>The environment variable holding extra plugin directories.</summary>
    public const string EnvironmentVariable = "BOXER_PLUGIN_PATH";

    /// <summary>The directories to search, from the process environment.</summary>
    public static IReadOnlyList<string> Default() =>
        Resolve(
            AppDirectories.Default(),
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The directories to search, from explicit inputs (for tests).</summary>
    /// <param name="appDirectories">The folders holding boxer's own files (<see cref="AppDirectories"/>).</param>
    /// <param name="pluginPathVariable">The value of <c>$BOXER_PLUGIN_PATH</c>, or null.</param>
    /// <param name="homeDirectory">The user's home directory, or empty when unknown.</param>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> appDirectories, string? pluginPathVariable, string homeDirectory)
    {
        var directories = appDirectories.Select(d => Path.Combine(d, "plugins")).ToList();
        directories.AddRange(
            (pluginPathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (homeDirectory.Length > 0)
        {
            directories.Add(Path.Combine(homeDirectory, ".local", "share", "boxer", "plugins"));
        }
        return directories;
    }

    /// <summary>
    /// The plugin assemblies in the search directories: each directory is either a plugins root holding
    /// <c>Name/Name.dll</c> folders or itself a single plugin folder <c>Name/</c> holding <c>Name.dll</c>.
    /// Missing directories are skipped; a file found twice is listed once.
    /// </summary>
    /// <param name="directories">The directories to search.</param>
    public static IReadOnlyList<string> FindPluginFiles(IEnumerable<string> directories)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories.Select(Path.GetFullPath).Where(Directory.Exists))
        {
            foreach (var file in PluginFilesIn(directory).Where(seen.Add))
            {
                found.Add(file);
            }
        }
        return found;
    }

    private static IEnumerable<string> PluginFilesIn(string directory)
    {
        var single = Path.Combine(directory, Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)) + ".dll");
        if (File.Exists(single))
        {
            return [single];
        }
        return Directory.EnumerateDirectories(directory)
            .Order(StringComparer.Ordinal)
            .Select(sub => Path.Combine(sub, Path.GetFileName(sub) + ".dll"))
            .Where(File.Exists);
    }
}
