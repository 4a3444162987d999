using Boxer.Abstractions;

namespace Boxer.Core.Tree;

/// <summary>A read-only face of a <see cref="RootFs"/>: it is not an <see cref="IRootFs"/>, so it cannot be cast back.</summary>
internal sealed class ReadOnlyRootFsView(IReadOnlyRootFs tree) : IReadOnlyRootFs
{
    public int Count => tree.Count;

    public long ContentSize => tree.ContentSize;

    public IEnumerable<FsEntry> Entries => tree.Entries;

    public bool Exists(string path) => tree.Exists(path);

    public FsEntry? Find(string path) => tree.Find(path);

    public FsEntry Get(string path) => tree.Get(path);

    public IEnumerable<FsEntry> Children(string directoryPath) => tree.Children(directoryPath);

    public IEnumerable<FsEntry> Glob(string pattern) => tree.Glob(pattern);

    public Stream OpenRead(string path) => tree.OpenRead(path);

    public byte[] ReadAllBytes(string path) => tree.ReadAllBytes(path);

    public string ReadAllText(string path) => tree.ReadAllText(path);
}
