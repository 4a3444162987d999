namespace Boxer.Formats.Squashfs;

// Consistency checks of a read superblock against the image's length, before any table is read.
internal readonly partial record struct Superblock
{
    /// <summary>Throws a <see cref="SquashfsException"/> when a count or table start cannot be right for an image of <paramref name="imageLength"/> bytes.</summary>
    public void Check(long imageLength)
    {
        if (BytesUsed < SquashfsLayout.SuperblockSize || BytesUsed > (ulong)imageLength)
        {
            throw new SquashfsException($"damaged or truncated image: the superblock says {BytesUsed} bytes, the image has {imageLength}");
        }
        if (IdCount == 0)
        {
            throw new SquashfsException("damaged image: the id table is empty (every image has at least one uid/gid)");
        }
        CheckTable("inode table", InodeTable, optional: false);
        CheckTable("directory table", DirectoryTable, optional: false);
        CheckTable("id table", IdTable, optional: false);
        CheckTable("xattr table", XattrTable, optional: true);
        CheckTable("export table", ExportTable, optional: true);
        if (InodeTable >= DirectoryTable)
        {
            throw new SquashfsException($"damaged image: the inode table ({InodeTable}) does not precede the directory table ({DirectoryTable})");
        }
        if (InodeTable + (RootInode >> 16) >= DirectoryTable || (RootInode & 0xFFFF) >= SquashfsLayout.MetadataBlockSize)
        {
            throw new SquashfsException($"damaged image: the root inode reference {RootInode:x} points outside the inode table");
        }
        CheckFragmentCount();
    }

    private void CheckFragmentCount()
    {
        // mksquashfs may write an empty fragment table; it is never read then.
        if (FragmentCount == 0)
        {
            return;
        }
        if (FragmentTable == SquashfsLayout.NoTable)
        {
            throw new SquashfsException($"damaged image: {FragmentCount} fragments but no fragment table");
        }
        CheckTable("fragment table", FragmentTable, optional: false);
        // The table's index (one 8-byte pointer per 512 entries) lies between the table's start and the end.
        ulong indexBytes = ((ulong)FragmentCount + FragmentsPerBlock - 1) / FragmentsPerBlock * 8;
        if (indexBytes > BytesUsed - FragmentTable)
        {
            throw new SquashfsException($"damaged image: fragment count {FragmentCount} does not fit in the image ({BytesUsed} bytes)");
        }
    }

    private const uint FragmentsPerBlock = SquashfsLayout.MetadataBlockSize / SquashfsLayout.FragmentEntrySize;

    private void CheckTable(string name, ulong start, bool optional)
    {
        if (optional && start == SquashfsLayout.NoTable)
        {
            return;
        }
        if (start < SquashfsLayout.SuperblockSize || start >= BytesUsed)
        {
            throw new SquashfsException($"damaged image: the {name} starts at {start}, outside the image's {BytesUsed} bytes");
        }
    }
}
