namespace Boxer.Core;

/// <summary>
/// The folders holding boxer's own <c>plugins/</c> and <c>recipes/</c>: the host assembly's folder and, when it
/// differs, the executable's. They differ for the self-contained single-file build, whose assemblies run from
/// the folder it extracts itself to while its plugins and recipes stay on disk beside the executable.
/// </summary>
public static class AppDirectories
{
    /// <summary>The folders for this process.</summary>
    public static IReadOnlyList<string> Default() => Resolve(AppContext.BaseDirectory, Environment.ProcessPath);

    /// <summary>The folders from explicit inputs (for tests).</summary>
    /// <param name="assemblyDirectory">The folder holding the host assembly (<see cref="AppContext.BaseDirectory"/>).</param>
    /// <param name="processPath">The executable that started the process, or null when unknown.</param>
    public static IReadOnlyList<string> Resolve(string assemblyDirectory, string? processPath)
    {
        var directories = new List<string> { assemblyDirectory };
        // `dotnet boxer.dll` runs from the .NET install: its folder holds nothing of boxer's.
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) != "dotnet"
            && Path.GetDirectoryName(processPath) is { Length: > 0 } executableDirectory
            && !string.Equals(Path.TrimEndingDirectorySeparator(executableDirectory), Path.TrimEndingDirectorySeparator(assemblyDirectory), StringComparison.Ordinal))
        {
            directories.Add(executableDirectory);
        }
        return directories;
    }
}
