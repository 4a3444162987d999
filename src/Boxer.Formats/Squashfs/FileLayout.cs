namespace Boxer.Formats.Squashfs;

/// <summary>Where a file's content ended up: filled in as its blocks are written.</summary>
internal sealed class FileLayout(long size, int blockCount)
{
    public long Size { get; } = size;

    /// <summary>Image offset of the first stored block; -1 until one is written.</summary>
    public long BlocksStart { get; set; } = -1;

    /// <summary>The size field of each block: on-disk length, bit 24 for raw, 0 for a sparse (all-zero) block.</summary>
    public uint[] BlockSizes { get; } = new uint[blockCount];

    public uint FragmentIndex { get; set; } = SquashfsLayout.NoFragment;

    public uint FragmentOffset { get; set; }

    /// <summary>Bytes not stored because their blocks were all zero.</summary>
    public long SparseBytes { get; set; }
}
