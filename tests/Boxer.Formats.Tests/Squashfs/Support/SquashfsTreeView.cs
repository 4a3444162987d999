using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Squashfs;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>Another writer's image, read by our reader, presented as a tree: feeds our writer the same content a peer packed.</summary>
public sealed class SquashfsTreeView(SquashfsReader reader) : IReadOnlyRootFs
{
    private readonly List<SquashfsEntry> _entries = [.. reader.Entries];

    public int Count => _entries.Count;

    public long ContentSize => _entries.Where(e => e.Entry.Kind == EntryKind.File).Sum(e => e.Entry.Size);

    public IEnumerable<FsEntry> Entries => _entries.Select(e => e.Entry);

    public bool Exists(string path) => Find(path) is not null;

    public FsEntry? Find(string path) => _entries.FirstOrDefault(e => e.Entry.Path == path)?.Entry;

    public FsEntry Get(string path) => Find(path) ?? throw new FileNotFoundException(path);

    public IEnumerable<FsEntry> Children(string directoryPath) => Entries.Where(e => e.Path.Length > 0 && e.ParentPath == directoryPath);

    public IEnumerable<FsEntry> Glob(string pattern) => throw new NotSupportedException();

    public Stream OpenRead(string path) => new MemoryStream(ReadAllBytes(path), writable: false);

    public byte[] ReadAllBytes(string path) => reader.ReadContent(_entries.First(e => e.Entry.Path == path));

    public string ReadAllText(string path) => Encoding.UTF8.GetString(ReadAllBytes(path));
}
