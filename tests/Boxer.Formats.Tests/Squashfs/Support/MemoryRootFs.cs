using System.Collections.Immutable;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>
/// A small in-memory tree for the squashfs tests: entries are added by path, content kept as bytes, and
/// enumeration follows the contract (depth first, siblings by UTF-8 bytes, hard links after their file).
/// </summary>
public sealed class MemoryRootFs : IReadOnlyRootFs
{
    private readonly Dictionary<string, FsEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _content = new(StringComparer.Ordinal);

    public MemoryRootFs(UnixTime time)
    {
        Time = time;
        _entries[""] = new FsEntry { Path = "", Kind = EntryKind.Directory, Mode = Octal.Of(755), ModifiedTime = time };
    }

    public UnixTime Time { get; }

    public int Count => _entries.Count;

    public long ContentSize => _content.Where(c => _entries[c.Key].Kind == EntryKind.File).Sum(c => (long)c.Value.Length);

    public IEnumerable<FsEntry> Entries => _entries.Values.OrderBy(e => e.Path, PathOrder.Instance);

    public FsEntry Add(FsEntry entry)
    {
        _entries[entry.Path] = entry with { ModifiedTime = entry.ModifiedTime == default ? Time : entry.ModifiedTime };
        return _entries[entry.Path];
    }

    public void Directory(string path, int mode = 0x1ED, int uid = 0, int gid = 0) =>
        Add(new FsEntry { Path = path, Kind = EntryKind.Directory, Mode = mode, Uid = uid, Gid = gid });

    public void File(string path, byte[] content, int mode = 0x1A4, int uid = 0, int gid = 0)
    {
        Add(new FsEntry { Path = path, Kind = EntryKind.File, Mode = mode, Uid = uid, Gid = gid, Size = content.Length });
        _content[path] = content;
    }

    public void File(string path, string text, int mode = 0x1A4) => File(path, Encoding.UTF8.GetBytes(text), mode);

    public void Symlink(string path, string target) =>
        Add(new FsEntry { Path = path, Kind = EntryKind.Symlink, Mode = Octal.Of(777), LinkTarget = target });

    public void HardLink(string path, string target)
    {
        var file = _entries[target];
        Add(file with { Path = path, Kind = EntryKind.HardLink, LinkTarget = target });
    }

    public void Node(string path, EntryKind kind, int mode, int major = 0, int minor = 0) =>
        Add(new FsEntry { Path = path, Kind = kind, Mode = mode, DeviceMajor = major, DeviceMinor = minor });

    public void Xattr(string path, string name, byte[] value)
    {
        var entry = _entries[path];
        _entries[path] = entry with { Xattrs = entry.Xattrs.SetItem(name, [.. value]) };
    }

    public bool Exists(string path) => _entries.ContainsKey(Normalize(path));

    public FsEntry? Find(string path) => _entries.GetValueOrDefault(Normalize(path));

    public FsEntry Get(string path) => Find(path) ?? throw new FileNotFoundException(path);

    public IEnumerable<FsEntry> Children(string directoryPath) =>
        Entries.Where(e => e.Path.Length > 0 && e.ParentPath == Normalize(directoryPath));

    public IEnumerable<FsEntry> Glob(string pattern) => throw new NotSupportedException();

    public Stream OpenRead(string path)
    {
        var entry = Get(path);
        string key = entry.Kind == EntryKind.HardLink ? entry.LinkTarget! : entry.Path;
        return _content.TryGetValue(key, out var bytes)
            ? new MemoryStream(bytes, writable: false)
            : throw new InvalidOperationException($"{path} has no content");
    }

    public byte[] ReadAllBytes(string path)
    {
        using var s = OpenRead(path);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    public string ReadAllText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));

    private static string Normalize(string path) => path.TrimStart('.').Trim('/');

    /// <summary>Orders paths depth first with siblings by the UTF-8 bytes of their names.</summary>
    private sealed class PathOrder : IComparer<string>
    {
        public static PathOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var a = x!.Length == 0 ? [] : x.Split('/');
            var b = y!.Length == 0 ? [] : y.Split('/');
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                int c = Encoding.UTF8.GetBytes(a[i]).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b[i]));
                if (c != 0)
                {
                    return c;
                }
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
