using System.Text;
using System.Text.RegularExpressions;
using Boxer.Abstractions;

namespace Boxer.Core.Tests.Recipes.Support;

// A small IRootFs for recipe tests until the real tree is available everywhere; faithful where recipes look:
// sorted enumeration, metadata kept on untouched entries, globbing, subtree deletes.
internal sealed class MemoryRootFs : IRootFs
{
    private readonly Dictionary<string, FsEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _content = new(StringComparer.Ordinal);

    public MemoryRootFs() => _entries[""] = new FsEntry { Path = "", Kind = EntryKind.Directory, Mode = 0b111_101_101 };

    public UnixTime Now { get; set; } = new(1_700_000_000);

    public int Count => _entries.Count;

    public long ContentSize => _entries.Values.Where(e => e.Kind == EntryKind.File).Sum(e => e.Size);

    public IEnumerable<FsEntry> Entries => _entries.Values.OrderBy(e => e.Path, PathOrder.Instance).ToList();

    public MemoryRootFs Clone()
    {
        var copy = new MemoryRootFs { Now = Now };
        foreach (var (k, v) in _entries)
        {
            copy._entries[k] = v;
        }
        foreach (var (k, v) in _content)
        {
            copy._content[k] = v;
        }
        return copy;
    }

    public bool Exists(string path) => _entries.ContainsKey(Norm(path));

    public FsEntry? Find(string path) => _entries.GetValueOrDefault(Norm(path));

    public FsEntry Get(string path) => Find(path) ?? throw new FileNotFoundException($"no entry {path}");

    public IEnumerable<FsEntry> Children(string directoryPath)
    {
        var dir = Norm(directoryPath);
        if (Find(dir) is not { Kind: EntryKind.Directory })
        {
            throw new FileNotFoundException($"no directory {directoryPath}");
        }
        return Entries.Where(e => e.Path.Length > 0 && e.ParentPath == dir);
    }

    public IEnumerable<FsEntry> Glob(string pattern)
    {
        var regex = new Regex("^" + GlobToRegex(Norm(pattern)) + "$");
        return Entries.Where(e => e.Path.Length > 0 && regex.IsMatch(e.Path));
    }

    public Stream OpenRead(string path) => new MemoryStream(ReadAllBytes(path), writable: false);

    public byte[] ReadAllBytes(string path)
    {
        var e = Get(path);
        var key = e.Kind == EntryKind.HardLink ? e.LinkTarget! : e.Path;
        return e.HasContent ? _content[key] : throw new InvalidOperationException($"{path} has no content");
    }

    public string ReadAllText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));

    public void WriteAllBytes(string path, ReadOnlySpan<byte> content, int mode = 420)
    {
        var p = Norm(path);
        var existing = Find(p);
        var key = existing?.Kind == EntryKind.HardLink ? existing.LinkTarget! : p;
        EnsureParent(p);
        _content[key] = content.ToArray();
        var file = _entries.GetValueOrDefault(key) ?? new FsEntry { Path = key, Kind = EntryKind.File, Mode = mode };
        _entries[key] = file with { Size = content.Length, ModifiedTime = Now };
    }

    public void WriteAllText(string path, string text, int mode = 420) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text), mode);

    public void AppendAllText(string path, string text) =>
        WriteAllText(path, (Exists(path) ? ReadAllText(path) : "") + text);

    public void CreateDirectory(string path, int mode = 493)
    {
        var p = Norm(path);
        if (p.Length == 0 || Exists(p))
        {
            return;
        }
        EnsureParent(p, mode);
        _entries[p] = new FsEntry { Path = p, Kind = EntryKind.Directory, Mode = mode, ModifiedTime = Now };
    }

    public void CreateSymlink(string path, string target)
    {
        var p = Norm(path);
        EnsureParent(p);
        _content.Remove(p);
        _entries[p] = new FsEntry { Path = p, Kind = EntryKind.Symlink, Mode = 0b111_111_111, LinkTarget = target, ModifiedTime = Now };
    }

    public void CreateHardLink(string path, string existingPath)
    {
        var p = Norm(path);
        var target = Get(existingPath);
        var first = target.Kind == EntryKind.HardLink ? target.LinkTarget! : target.Path;
        EnsureParent(p);
        _entries[p] = Get(first) with { Path = p, Kind = EntryKind.HardLink, LinkTarget = first };
    }

    public void CreateNode(string path, EntryKind kind, int mode, int major = 0, int minor = 0)
    {
        var p = Norm(path);
        EnsureParent(p);
        _entries[p] = new FsEntry { Path = p, Kind = kind, Mode = mode, DeviceMajor = major, DeviceMinor = minor, ModifiedTime = Now };
    }

    public int Delete(string path, bool recursive = false)
    {
        var p = Norm(path);
        if (!Exists(p))
        {
            return 0;
        }
        var doomed = _entries.Keys.Where(k => k == p || k.StartsWith(p + "/", StringComparison.Ordinal)).ToList();
        if (doomed.Count > 1 && !recursive)
        {
            throw new IOException($"{path} is not empty");
        }
        foreach (var k in doomed)
        {
            _entries.Remove(k);
            _content.Remove(k);
        }
        return doomed.Count;
    }

    public int DeleteGlob(string pattern) => Glob(pattern).Select(e => e.Path).ToList().Sum(p => Delete(p, recursive: true));

    public void Move(string from, string to) => throw new NotSupportedException();

    public void SetMode(string path, int mode) => Update(path, e => e with { Mode = mode });

    public void SetOwner(string path, int uid, int gid, string? userName = null, string? groupName = null) =>
        Update(path, e => e with { Uid = uid, Gid = gid, UserName = userName, GroupName = groupName });

    public void SetModifiedTime(string path, UnixTime time) => Update(path, e => e with { ModifiedTime = time });

    public void SetXattr(string path, string name, ReadOnlySpan<byte> value)
    {
        var bytes = value.ToArray();
        Update(path, e => e with { Xattrs = e.Xattrs.SetItem(name, [.. bytes]) });
    }

    public bool RemoveXattr(string path, string name)
    {
        var had = Get(path).Xattrs.ContainsKey(name);
        Update(path, e => e with { Xattrs = e.Xattrs.Remove(name) });
        return had;
    }

    private void Update(string path, Func<FsEntry, FsEntry> change) => _entries[Norm(path)] = change(Get(path));

    private void EnsureParent(string p, int mode = 493)
    {
        var slash = p.LastIndexOf('/');
        if (slash > 0)
        {
            CreateDirectory(p[..slash], mode);
        }
    }

    private static string Norm(string path) => (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path == "." ? "" : path).Trim('/');

    private static string GlobToRegex(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
            }
            else
            {
                sb.Append(c switch { '*' => "[^/]*", '?' => "[^/]", '[' => "[", ']' => "]", _ => Regex.Escape(c.ToString()) });
            }
        }
        return sb.ToString();
    }

    private sealed class PathOrder : IComparer<string>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = x!.Split('/');
            var b = y!.Split('/');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
