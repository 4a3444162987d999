using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

/// <summary>A directory's listing as placed in the directory table, with the index an extended inode carries.</summary>
internal sealed record DirectoryListing(uint BlockIndex, ushort BlockOffset, uint Size, IReadOnlyList<(DirectoryIndexEntry Entry, byte[] Name)> Index);

/// <summary>
/// Appends one directory's listing to the directory table. A new header starts when 256 entries are reached,
/// when the next inode lives in another inode-table block, when its number is out of 16-bit delta range of
/// the header's, or when the listing crosses into the next metadata block; each header that begins a new
/// block gets an index entry so lookups in large directories read only one block.
/// </summary>
internal static class DirectoryListingWriter
{
    public static DirectoryListing Append(MetadataWriter table, IReadOnlyList<TreeNode> children, bool index)
    {
        long start = table.Position;
        var listing = new DirectoryLocalBuffer();
        var headers = new List<(int At, byte[] Name)>();
        int headerAt = -1, count = 0;
        uint headerBlock = 0, headerBase = 0;
        foreach (var child in children)
        {
            ulong reference = child.Inode.InodeReference ?? throw new InvalidOperationException("inode not written");
            uint block = (uint)(reference >> 16);
            long delta = (long)child.Inode.InodeNumber - headerBase;
            bool crossing = index && headerAt >= 0 && (start + listing.Length) / SquashfsLayout.MetadataBlockSize != (start + headerAt) / SquashfsLayout.MetadataBlockSize;
            if (headerAt < 0 || count == SquashfsLayout.MaxDirectoryHeaderEntries || block != headerBlock
                || delta is > SquashfsLayout.MaxInodeDelta or < -SquashfsLayout.MaxInodeDelta - 1 || crossing)
            {
                listing.PatchHeaderCount(headerAt, count);
                headerAt = listing.Length;
                headerBlock = block;
                headerBase = child.Inode.InodeNumber;
                count = 0;
                delta = 0;
                listing.WriteHeader(new DirectoryHeader(0, headerBlock, headerBase));
                headers.Add((headerAt, child.Name));
            }
            listing.WriteEntry(new DirectoryEntry((ushort)(reference & 0xFFFF), (short)delta, BasicType(child.Inode.Entry.Kind), (ushort)(child.Name.Length - 1)), child.Name);
            count++;
        }
        listing.PatchHeaderCount(headerAt, count);
        uint blockIndex = (uint)table.CurrentBlockStart;
        var offset = (ushort)table.CurrentOffset;
        table.Append(listing.Span);
        return new DirectoryListing(blockIndex, offset, (uint)listing.Length, index ? BuildIndex(table, start, headers) : []);
    }

    public static ushort BasicType(EntryKind kind) => (ushort)(kind switch
    {
        EntryKind.Directory => InodeType.Directory,
        EntryKind.File or EntryKind.HardLink => InodeType.File,
        EntryKind.Symlink => InodeType.Symlink,
        EntryKind.BlockDevice => InodeType.BlockDevice,
        EntryKind.CharDevice => InodeType.CharDevice,
        EntryKind.Fifo => InodeType.Fifo,
        EntryKind.Socket => InodeType.Socket,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    });

    private static List<(DirectoryIndexEntry, byte[])> BuildIndex(MetadataWriter table, long start, List<(int At, byte[] Name)> headers)
    {
        var index = new List<(DirectoryIndexEntry, byte[])>();
        for (int i = 1; i < headers.Count; i++)
        {
            long at = start + headers[i].At;
            if (at / SquashfsLayout.MetadataBlockSize != (start + headers[i - 1].At) / SquashfsLayout.MetadataBlockSize)
            {
                var entry = new DirectoryIndexEntry((uint)headers[i].At, (uint)table.BlockStartOf(at), (uint)headers[i].Name.Length - 1);
                index.Add((entry, headers[i].Name));
            }
        }
        return index;
    }
}
