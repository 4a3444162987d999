using System.Text;
using Boxer.Abstractions;

namespace Boxer.Targets.Singularity;

/// <summary>
/// A read-only view of a tree in which a few existing files have new content: the build writes the
/// environment and labels the recipe settled on without an editable tree.
/// </summary>
internal sealed class ReplacedContentView(IReadOnlyRootFs inner, IReadOnlyDictionary<string, byte[]> replaced) : IReadOnlyRootFs
{
    public int Count => inner.Count;

    public long ContentSize => inner.ContentSize + replaced.Sum(r => r.Value.Length - (inner.Find(r.Key)?.Size ?? 0));

    public IEnumerable<FsEntry> Entries => inner.Entries.Select(Replace);

    public bool Exists(string path) => inner.Exists(path);

    public FsEntry? Find(string path) => inner.Find(path) is { } e ? Replace(e) : null;

    public FsEntry Get(string path) => Replace(inner.Get(path));

    public IEnumerable<FsEntry> Children(string directoryPath) => inner.Children(directoryPath).Select(Replace);

    public IEnumerable<FsEntry> Glob(string pattern) => inner.Glob(pattern).Select(Replace);

    public Stream OpenRead(string path)
    {
        var entry = inner.Get(path);
        string key = entry.Kind == EntryKind.HardLink ? entry.LinkTarget! : entry.Path;
        return replaced.TryGetValue(key, out var bytes) ? new MemoryStream(bytes, writable: false) : inner.OpenRead(path);
    }

    public byte[] ReadAllBytes(string path)
    {
        using var stream = OpenRead(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadAllText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));

    private FsEntry Replace(FsEntry e)
    {
        string key = e.Kind == EntryKind.HardLink ? e.LinkTarget! : e.Path;
        return e.HasContent && replaced.TryGetValue(key, out var bytes) ? e with { Size = bytes.Length } : e;
    }
}
