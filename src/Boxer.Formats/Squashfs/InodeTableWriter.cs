using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Writes the inode and directory tables by walking the tree children-first: a directory's listing needs
/// its children's inode references, and its own inode needs the listing's position. Basic inodes are used
/// whenever they can hold the entry; extended ones for xattrs, link counts, large or sparse files and
/// indexed directories.
/// </summary>
internal sealed class InodeTableWriter(IBlockCodec codec, IdTable ids, XattrTableWriter xattrs, TimeClamp clamp, bool directoryIndex, ICollection<string> warnings)
{
    private byte[] _scratch = new byte[256];

    public MetadataWriter Inodes { get; } = new(codec);

    public MetadataWriter Directories { get; } = new(codec);

    /// <summary>Writes everything below and including the root; returns the root inode's reference.</summary>
    public ulong WriteTree(WriterTree tree)
    {
        WriteDirectory(tree.Root, tree.InodeCount);
        return tree.Root.InodeReference!.Value;
    }

    private void WriteDirectory(TreeNode directory, uint inodeCount)
    {
        foreach (var child in directory.Children!)
        {
            if (child.Children is not null)
            {
                WriteDirectory(child, inodeCount);
            }
            else
            {
                EnsureWritten(child.Inode);
            }
        }
        var listing = DirectoryListingWriter.Append(Directories, directory.Children!, directoryIndex);
        uint parent = directory.Parent?.InodeNumber ?? inodeCount + 1;
        uint xattr = XattrIndex(directory);
        uint size = listing.Size + SquashfsLayout.DirectorySizeBias;
        if (xattr == SquashfsLayout.NoXattr && listing.Index.Count == 0 && size <= ushort.MaxValue)
        {
            var body = new DirectoryInode(listing.BlockIndex, directory.LinkCount, (ushort)size, listing.BlockOffset, parent);
            Emit(directory, InodeType.Directory, DirectoryInode.Size, span => body.Write(span));
            return;
        }
        if (listing.Index.Count > ushort.MaxValue)
        {
            throw new SquashfsException($"directory '{directory.Entry.Path}' is too large for squashfs") { EntryPath = directory.Entry.Path };
        }
        var ext = new ExtendedDirectoryInode(directory.LinkCount, size, listing.BlockIndex, parent, (ushort)listing.Index.Count, listing.BlockOffset, xattr);
        int length = ExtendedDirectoryInode.Size + listing.Index.Sum(i => DirectoryIndexEntry.Size + i.Name.Length);
        Emit(directory, InodeType.ExtendedDirectory, length, span =>
        {
            ext.Write(span);
            int at = ExtendedDirectoryInode.Size;
            foreach (var (entry, name) in listing.Index)
            {
                entry.Write(span[at..]);
                name.CopyTo(span[(at + DirectoryIndexEntry.Size)..]);
                at += DirectoryIndexEntry.Size + name.Length;
            }
        });
    }

    private void EnsureWritten(TreeNode node)
    {
        if (node.InodeReference is not null)
        {
            return;
        }
        var entry = node.Entry;
        switch (entry.Kind)
        {
            case EntryKind.File:
                WriteFile(node);
                break;
            case EntryKind.Symlink:
                WriteSymlink(node);
                break;
            case EntryKind.CharDevice or EntryKind.BlockDevice:
                WriteDevice(node);
                break;
            case EntryKind.Fifo or EntryKind.Socket:
                WriteIpc(node);
                break;
            default:
                throw new SquashfsException($"'{entry.Path}' has no inode of its own ({entry.Kind})") { EntryPath = entry.Path };
        }
    }

    private void WriteFile(TreeNode node)
    {
        var layout = node.Layout ?? throw new InvalidOperationException($"no data written for '{node.Entry.Path}'");
        uint xattr = XattrIndex(node);
        long start = Math.Max(0, layout.BlocksStart);
        int blocks = layout.BlockSizes.Length * sizeof(uint);
        bool basic = xattr == SquashfsLayout.NoXattr && node.LinkCount == 1 && layout.SparseBytes == 0
            && layout.Size <= uint.MaxValue && start <= uint.MaxValue;
        if (basic)
        {
            var body = new FileInode((uint)start, layout.FragmentIndex, layout.FragmentOffset, (uint)layout.Size);
            Emit(node, InodeType.File, FileInode.Size + blocks, span =>
            {
                body.Write(span);
                WriteBlockSizes(span[FileInode.Size..], layout.BlockSizes);
            });
            return;
        }
        var ext = new ExtendedFileInode((ulong)start, (ulong)layout.Size, (ulong)layout.SparseBytes, node.LinkCount, layout.FragmentIndex, layout.FragmentOffset, xattr);
        Emit(node, InodeType.ExtendedFile, ExtendedFileInode.Size + blocks, span =>
        {
            ext.Write(span);
            WriteBlockSizes(span[ExtendedFileInode.Size..], layout.BlockSizes);
        });
    }

    private void WriteSymlink(TreeNode node)
    {
        byte[] target = Encoding.UTF8.GetBytes(node.Entry.LinkTarget ?? "");
        uint xattr = XattrIndex(node);
        bool extended = xattr != SquashfsLayout.NoXattr;
        int length = 8 + target.Length + (extended ? 4 : 0);
        Emit(node, extended ? InodeType.ExtendedSymlink : InodeType.Symlink, length, span =>
        {
            InodeFields.WriteUInt32(span, node.LinkCount);
            InodeFields.WriteUInt32(span[4..], (uint)target.Length);
            target.CopyTo(span[8..]);
            if (extended)
            {
                InodeFields.WriteUInt32(span[(8 + target.Length)..], xattr);
            }
        });
    }

    private void WriteDevice(TreeNode node)
    {
        var entry = node.Entry;
        bool block = entry.Kind == EntryKind.BlockDevice;
        uint xattr = XattrIndex(node);
        bool extended = xattr != SquashfsLayout.NoXattr;
        var type = (block, extended) switch
        {
            (true, false) => InodeType.BlockDevice,
            (true, true) => InodeType.ExtendedBlockDevice,
            (false, false) => InodeType.CharDevice,
            (false, true) => InodeType.ExtendedCharDevice,
        };
        uint device = InodeFields.EncodeDevice(entry.DeviceMajor, entry.DeviceMinor);
        Emit(node, type, extended ? 12 : 8, span =>
        {
            InodeFields.WriteUInt32(span, node.LinkCount);
            InodeFields.WriteUInt32(span[4..], device);
            if (extended)
            {
                InodeFields.WriteUInt32(span[8..], xattr);
            }
        });
    }

    private void WriteIpc(TreeNode node)
    {
        bool fifo = node.Entry.Kind == EntryKind.Fifo;
        uint xattr = XattrIndex(node);
        bool extended = xattr != SquashfsLayout.NoXattr;
        var type = fifo ? (extended ? InodeType.ExtendedFifo : InodeType.Fifo) : (extended ? InodeType.ExtendedSocket : InodeType.Socket);
        Emit(node, type, extended ? 8 : 4, span =>
        {
            InodeFields.WriteUInt32(span, node.LinkCount);
            if (extended)
            {
                InodeFields.WriteUInt32(span[4..], xattr);
            }
        });
    }

    private uint XattrIndex(TreeNode node) =>
        node.Entry.Xattrs.Count == 0 ? SquashfsLayout.NoXattr : xattrs.Add(node.Entry.Xattrs, node.Entry.Path, warnings);

    private void Emit(TreeNode node, InodeType type, int bodyLength, SpanAction body)
    {
        var entry = node.Entry;
        int total = InodeHeader.Size + bodyLength;
        if (_scratch.Length < total)
        {
            _scratch = new byte[Math.Max(total, _scratch.Length * 2)];
        }
        var span = _scratch.AsSpan(0, total);
        var header = new InodeHeader(type, (ushort)(entry.Mode & 0xFFF), ids.IndexOf(entry.Uid, entry.Path),
            ids.IndexOf(entry.Gid, entry.Path), clamp.ToSquashfs(entry.ModifiedTime), node.InodeNumber);
        header.Write(span);
        body(span[InodeHeader.Size..]);
        node.InodeReference = Inodes.NextReference;
        Inodes.Append(span);
    }

    private static void WriteBlockSizes(Span<byte> span, uint[] sizes)
    {
        for (int i = 0; i < sizes.Length; i++)
        {
            InodeFields.WriteUInt32(span[(i * 4)..], sizes[i]);
        }
    }

    private delegate void SpanAction(Span<byte> span);
}
