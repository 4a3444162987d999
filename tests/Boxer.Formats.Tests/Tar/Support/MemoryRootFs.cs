using System.Collections.Immutable;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tests.Tar.Support;

/// <summary>
/// A small in-memory <see cref="IReadOnlyRootFs"/> for writer tests, ordered as the contract says: depth
/// first, siblings by the UTF-8 bytes of their names. Builder methods return the tree for chaining.
/// </summary>
public sealed class MemoryRootFs : IReadOnlyRootFs
{
    private readonly Dictionary<string, FsEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<Stream>> _content = new(StringComparer.Ordinal);

    public MemoryRootFs(UnixTime? time = null)
    {
        Time = time ?? new UnixTime(1_700_000_000);
        _entries[""] = new FsEntry { Path = "", Kind = EntryKind.Directory, Mode = 0b111_101_101, ModifiedTime = Time, UserName = "root", GroupName = "root" };
    }

    public UnixTime Time { get; }

    public int Count => _entries.Count;

    public long ContentSize => _entries.Values.Where(e => e.Kind == EntryKind.File).Sum(e => e.Size);

    public IEnumerable<FsEntry> Entries => _entries.Values.OrderBy(e => SortKey(e.Path), SortKeyComparer.Instance);

    public MemoryRootFs Add(FsEntry entry, byte[]? content = null)
    {
        _entries[entry.Path] = entry with { Size = content?.Length ?? entry.Size };
        if (content is not null)
        {
            _content[entry.Path] = () => new MemoryStream(content, writable: false);
        }
        return this;
    }

    public MemoryRootFs Dir(string path, int mode = 0b111_101_101, int uid = 0, int gid = 0) =>
        Add(Base(path, EntryKind.Directory, mode, uid, gid));

    public MemoryRootFs File(string path, string text, int mode = 0b110_100_100, int uid = 0, int gid = 0) =>
        File(path, Encoding.UTF8.GetBytes(text), mode, uid, gid);

    public MemoryRootFs File(string path, byte[] content, int mode = 0b110_100_100, int uid = 0, int gid = 0) =>
        Add(Base(path, EntryKind.File, mode, uid, gid), content);

    /// <summary>A large file whose content is generated on read, never held in memory.</summary>
    public MemoryRootFs BigFile(string path, long size, Func<Stream> open)
    {
        _entries[path] = Base(path, EntryKind.File, 0b110_100_100, 0, 0) with { Size = size };
        _content[path] = open;
        return this;
    }

    public MemoryRootFs Symlink(string path, string target) =>
        Add(Base(path, EntryKind.Symlink, 0b111_111_111, 0, 0) with { LinkTarget = target });

    public MemoryRootFs HardLink(string path, string target)
    {
        var file = _entries[target];
        _entries[path] = file with { Path = path, Kind = EntryKind.HardLink, LinkTarget = target };
        return this;
    }

    public MemoryRootFs Node(string path, EntryKind kind, int mode, int major = 0, int minor = 0) =>
        Add(Base(path, kind, mode, 0, 0) with { DeviceMajor = major, DeviceMinor = minor });

    public MemoryRootFs Xattr(string path, string name, byte[] value)
    {
        var e = _entries[path];
        _entries[path] = e with { Xattrs = e.Xattrs.SetItem(name, [.. value]) };
        return this;
    }

    public MemoryRootFs Change(string path, Func<FsEntry, FsEntry> change)
    {
        _entries[path] = change(_entries[path]);
        return this;
    }

    public bool Exists(string path) => _entries.ContainsKey(Normalize(path));

    public FsEntry? Find(string path) => _entries.GetValueOrDefault(Normalize(path));

    public FsEntry Get(string path) => Find(path) ?? throw new FileNotFoundException(path);

    public IEnumerable<FsEntry> Children(string directoryPath) =>
        Entries.Where(e => e.ParentPath == Normalize(directoryPath));

    public IEnumerable<FsEntry> Glob(string pattern) => throw new NotSupportedException();

    public Stream OpenRead(string path)
    {
        var entry = Get(path);
        string key = entry.Kind == EntryKind.HardLink ? entry.LinkTarget! : entry.Path;
        return _content.TryGetValue(key, out var open) ? open() : new MemoryStream();
    }

    public byte[] ReadAllBytes(string path)
    {
        using var s = OpenRead(path);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    public string ReadAllText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));

    private FsEntry Base(string path, EntryKind kind, int mode, int uid, int gid)
    {
        string parent = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
        if (!_entries.ContainsKey(parent))
        {
            Dir(parent);
        }
        return new FsEntry
        {
            Path = path,
            Kind = kind,
            Mode = mode,
            Uid = uid,
            Gid = gid,
            UserName = uid == 0 ? "root" : null,
            GroupName = gid == 0 ? "root" : null,
            ModifiedTime = Time,
            Xattrs = FsEntry.NoXattrs,
        };
    }

    private static string Normalize(string path) => path.TrimStart('.').Trim('/');

    private static byte[][] SortKey(string path) =>
        path.Length == 0 ? [] : [.. path.Split('/').Select(Encoding.UTF8.GetBytes)];

    private sealed class SortKeyComparer : IComparer<byte[][]>
    {
        public static SortKeyComparer Instance { get; } = new();

        public int Compare(byte[][]? x, byte[][]? y)
        {
            for (int i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                int c = x[i].AsSpan().SequenceCompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
