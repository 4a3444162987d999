using Boxer.Formats.Tests.Tar.Support;

/// <summary>Loads directories, regular files and symlinks of a host directory into a MemoryRootFs.</summary>
internal static class HostTree
{
    public static MemoryRootFs Load(string root, long maxBytes)
    {
        var tree = new MemoryRootFs();
        long total = 0;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0 && total < maxBytes)
        {
            string dir = pending.Pop();
            foreach (var info in new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                string path = Path.GetRelativePath(root, info.FullName);
                if (info.LinkTarget is { } target)
                {
                    tree.Symlink(path, target);
                }
                else if (info is DirectoryInfo)
                {
                    tree.Dir(path, (int)info.UnixFileMode);
                    pending.Push(info.FullName);
                }
                else if (info is FileInfo file && total < maxBytes)
                {
                    string full = file.FullName;
                    tree.BigFile(path, file.Length, () => File.OpenRead(full));
                    tree.Change(path, e => e with { Mode = (int)info.UnixFileMode });
                    total += file.Length;
                }
            }
        }
        return tree;
    }
}
