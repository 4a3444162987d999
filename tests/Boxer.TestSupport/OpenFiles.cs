namespace Boxer.TestSupport;

/// <summary>The files this process holds open, read from <c>/proc/self/fd</c>: a leak check for specs.</summary>
public static class OpenFiles
{
    /// <summary>
    /// What the descriptors of this process that name something under <paramref name="directory"/> point at
    /// (an unlinked file shows as <c>PATH (deleted)</c>). Other tests running in parallel open other paths, so
    /// a spec that owns a directory can count on this being empty once it has let go of everything in it.
    /// </summary>
    public static IReadOnlyList<string> Under(string directory)
    {
        var prefix = directory.TrimEnd('/') + "/";
        var found = new List<string>();
        foreach (var fd in System.IO.Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(prefix, StringComparison.Ordinal))
                {
                    found.Add($"fd {Path.GetFileName(fd)} -> {target}");
                }
            }
            catch (IOException)
            {
                // closed between listing and reading the link: not open any more
            }
        }
        return found;
    }
}
