using Boxer.Abstractions;

namespace Boxer.Core.Tree;

// Placeholder bodies so the skeleton compiles; replaced by the real tree in the foundation issue.
public sealed partial class RootFs
{
    public int Count => throw new NotImplementedException();
    public long ContentSize => throw new NotImplementedException();
    public IEnumerable<FsEntry> Entries => throw new NotImplementedException();
    public bool Exists(string path) => throw new NotImplementedException();
    public FsEntry? Find(string path) => throw new NotImplementedException();
    public FsEntry Get(string path) => throw new NotImplementedException();
    public IEnumerable<FsEntry> Children(string directoryPath) => throw new NotImplementedException();
    public IEnumerable<FsEntry> Glob(string pattern) => throw new NotImplementedException();
    public Stream OpenRead(string path) => throw new NotImplementedException();
    public byte[] ReadAllBytes(string path) => throw new NotImplementedException();
    public string ReadAllText(string path) => throw new NotImplementedException();
    public void WriteAllBytes(string path, ReadOnlySpan<byte> content, int mode = 420) => throw new NotImplementedException();
    public void WriteAllText(string path, string text, int mode = 420) => throw new NotImplementedException();
    public void AppendAllText(string path, string text) => throw new NotImplementedException();
    public void CreateDirectory(string path, int mode = 493) => throw new NotImplementedException();
    public void CreateSymlink(string path, string target) => throw new NotImplementedException();
    public void CreateHardLink(string path, string existingPath) => throw new NotImplementedException();
    public void CreateNode(string path, EntryKind kind, int mode, int major = 0, int minor = 0) => throw new NotImplementedException();
    public int Delete(string path, bool recursive = false) => throw new NotImplementedException();
    public int DeleteGlob(string pattern) => throw new NotImplementedException();
    public void Move(string from, string to) => throw new NotImplementedException();
    public void SetMode(string path, int mode) => throw new NotImplementedException();
    public void SetOwner(string path, int uid, int gid, string? userName = null, string? groupName = null) => throw new NotImplementedException();
    public void SetModifiedTime(string path, UnixTime time) => throw new NotImplementedException();
    public void SetXattr(string path, string name, ReadOnlySpan<byte> value) => throw new NotImplementedException();
    public bool RemoveXattr(string path, string name) => throw new NotImplementedException();
}
