using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Tree;

// Edits that create or replace entries.
public sealed partial class RootFs
{
    /// <inheritdoc/>
    public void WriteAllBytes(string path, ReadOnlySpan<byte> content, int mode = 0b110_100_100)
    {
        var (parent, name) = ParentFor(path);
        var existing = parent.Child(name);
        if (existing is { Inode.Kind: EntryKind.File })
        {
            SetContent(existing.Inode, content.ToArray());
            return;
        }
        RefuseDirectory(existing, path);
        var inode = NewInode(EntryKind.File, mode);
        inode.Bytes = content.ToArray();
        inode.Size = content.Length;
        Attach(parent, new TreeNode(name, parent, inode));
    }

    /// <inheritdoc/>
    public void WriteAllText(string path, string text, int mode = 0b110_100_100) =>
        WriteAllBytes(path, Encoding.UTF8.GetBytes(text), mode);

    /// <inheritdoc/>
    public void AppendAllText(string path, string text)
    {
        var existing = Lookup(path);
        if (existing is not { Inode.Kind: EntryKind.File })
        {
            WriteAllText(path, text);
            return;
        }
        var old = ReadAllBytes(path);
        var added = Encoding.UTF8.GetBytes(text);
        SetContent(existing.Inode, [.. old, .. added]);
    }

    /// <inheritdoc/>
    public void CreateDirectory(string path, int mode = 0b111_101_101)
    {
        if (TreePath.Normalize(path).Length == 0)
        {
            return;
        }
        var (parent, name) = ParentFor(path);
        var existing = parent.Child(name);
        if (existing is { IsDirectory: true })
        {
            return;
        }
        if (existing is not null)
        {
            throw new IOException($"'{path}' exists and is a {existing.Inode.Kind}, not a directory");
        }
        Attach(parent, new TreeNode(name, parent, NewDirectoryInode(mode)));
    }

    /// <inheritdoc/>
    public void CreateSymlink(string path, string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var (parent, name) = ParentFor(path);
        RefuseDirectory(parent.Child(name), path);
        var inode = NewInode(EntryKind.Symlink, 0b111_111_111);
        inode.LinkTarget = target;
        Attach(parent, new TreeNode(name, parent, inode));
    }

    /// <inheritdoc/>
    public void CreateHardLink(string path, string existingPath)
    {
        var existing = Lookup(existingPath) ?? throw NotFound(existingPath);
        if (existing.Inode.Kind != EntryKind.File)
        {
            throw new InvalidOperationException(
                $"'{existingPath}' is a {existing.Inode.Kind}; only regular files take hard links");
        }
        var (parent, name) = ParentFor(path);
        var old = parent.Child(name);
        if (old is not null && ReferenceEquals(old.Inode, existing.Inode))
        {
            return;
        }
        RefuseDirectory(old, path);
        AttachLink(parent, name, existing);
    }

    /// <inheritdoc/>
    public void CreateNode(string path, EntryKind kind, int mode, int major = 0, int minor = 0)
    {
        if (kind is not (EntryKind.CharDevice or EntryKind.BlockDevice or EntryKind.Fifo or EntryKind.Socket))
        {
            throw new ArgumentException($"CreateNode makes devices, FIFOs and sockets, not a {kind}", nameof(kind));
        }
        var (parent, name) = ParentFor(path);
        RefuseDirectory(parent.Child(name), path);
        var inode = NewInode(kind, mode);
        if (kind is EntryKind.CharDevice or EntryKind.BlockDevice)
        {
            inode.DeviceMajor = major;
            inode.DeviceMinor = minor;
        }
        Attach(parent, new TreeNode(name, parent, inode));
    }

    private static void RefuseDirectory(TreeNode? existing, string path)
    {
        if (existing is { IsDirectory: true })
        {
            throw new IOException($"'{path}' is a directory; delete it first");
        }
    }
}
