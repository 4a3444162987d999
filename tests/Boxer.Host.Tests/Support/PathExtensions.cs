namespace Boxer.Host.Tests.Support;

internal static class PathExtensions
{
    /// <summary>Creates the file path's directory if needed and returns the path.</summary>
    public static string EnsureParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
