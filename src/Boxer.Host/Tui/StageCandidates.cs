namespace Boxer.Host.Tui;

/// <summary>
/// What the stage3 picker lists for a directory: recent stages, then the tarballs in it
/// (<c>*.tar.{xz,gz,bz2,zst,lz}</c>), then <c>..</c> and the subdirectories, then the other files.
/// </summary>
internal static class StageCandidates
{
    private static readonly string[] TarballEndings = [".tar.xz", ".tar.gz", ".tar.bz2", ".tar.zst", ".tar.lz", ".tgz", ".txz"];

    public static bool IsTarball(string path) =>
        TarballEndings.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<StageCandidate> List(string directory, IEnumerable<string> recent)
    {
        var items = recent.Select(p => new StageCandidate($"recent: {p}", p, IsDirectory: false)).ToList();
        var info = new DirectoryInfo(directory);
        FileSystemInfo[] children;
        try
        {
            children = info.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            children = [];
        }
        var files = children.OfType<FileInfo>().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        items.AddRange(files.Where(f => IsTarball(f.Name)).Select(f => new StageCandidate($"{f.Name}  ({Cli.ByteSize.Format(f.Length)})", f.FullName, false)));
        if (info.Parent is { } parent)
        {
            items.Add(new StageCandidate("../", parent.FullName, IsDirectory: true));
        }
        items.AddRange(children.OfType<DirectoryInfo>().Where(d => !d.Name.StartsWith('.')).OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new StageCandidate($"{d.Name}/", d.FullName, IsDirectory: true)));
        items.AddRange(files.Where(f => !IsTarball(f.Name) && !f.Name.StartsWith('.')).Select(f => new StageCandidate(f.Name, f.FullName, false)));
        return items;
    }
}
