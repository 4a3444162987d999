namespace Boxer.Bench;

/// <summary>The checkout the benchmark runs in: the nearest directory upwards holding <c>Boxer.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boxer.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the boxer checkout (no Boxer.sln found upwards)");
    }
}
