using Boxer.Abstractions;

namespace Boxer.Core.Tree;

/// <summary>
/// The in-memory root filesystem: metadata per entry, file content in a shared spool file. Implements the
/// editable contract; <see cref="Clone"/> is cheap (metadata only) so each target can finalize its own copy.
/// </summary>
/// <remarks>
/// Content written by edits is held in memory rather than appended to the spool: recipes edit a few small
/// configuration files, the spool then stays append-only and written by the importer alone (so clones and
/// concurrent readers never need a lock), and a tree built by hand needs no temp file at all.
/// </remarks>
public sealed partial class RootFs : IRootFs, IDisposable
{
    private const int DefaultDirectoryMode = 0b111_101_101;

    private readonly NamePool _names;
    private readonly TreeNode _root;
    private ContentSpool? _spool;
    private int _count = 1;
    private long _contentSize;
    private bool _disposed;

    /// <summary>Creates an empty tree: only the root directory, 0755, owned by root.</summary>
    public RootFs()
        : this(null, new NamePool())
    {
    }

    internal RootFs(ContentSpool? spool, NamePool names)
    {
        _spool = spool;
        _names = names;
        NewEntryTime = UnixTime.FromDateTimeOffset(DateTimeOffset.UtcNow);
        _root = new TreeNode("", null, NewDirectoryInode(DefaultDirectoryMode));
    }

    private RootFs(RootFs source)
    {
        _names = source._names;
        _spool = source._spool;
        _spool?.AddReference();
        NewEntryTime = source.NewEntryTime;
        _count = source._count;
        _contentSize = source._contentSize;
        _root = TreeCopier.Copy(source._root);
    }

    /// <summary>
    /// The time stamped on entries an edit creates or changes. The pipeline sets it from
    /// SOURCE_DATE_EPOCH (or the build's start); it defaults to the moment the tree was made.
    /// </summary>
    public UnixTime NewEntryTime { get; set; }

    /// <summary>An independent copy of the tree that shares the content spool.</summary>
    /// <returns>The copy; dispose it as well.</returns>
    public RootFs Clone()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new RootFs(this);
    }

    /// <summary>A view that can only read, handed to targets.</summary>
    /// <returns>The view; it reads this tree, so it must not outlive it.</returns>
    public IReadOnlyRootFs AsReadOnly() => new ReadOnlyRootFsView(this);

    /// <summary>Releases this tree's hold on the content spool; the last holder closes it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _spool?.Release();
        _spool = null;
    }

    private Inode NewDirectoryInode(int mode) =>
        new() { Kind = EntryKind.Directory, Mode = mode & 0xFFF, ModifiedTime = NewEntryTime };

    private Inode NewInode(EntryKind kind, int mode) =>
        new() { Kind = kind, Mode = mode & 0xFFF, ModifiedTime = NewEntryTime };
}
