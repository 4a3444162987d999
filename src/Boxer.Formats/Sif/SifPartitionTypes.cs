namespace Boxer.Formats.Sif;

/// <summary>Partition and filesystem type numbers used in a partition descriptor.</summary>
public static class SifPartitionTypes
{
    /// <summary>Filesystem type: squashfs.</summary>
    public const int Squashfs = 1;

    /// <summary>Filesystem type: ext3, the writable file system of an overlay partition.</summary>
    public const int Ext3 = 2;

    /// <summary>Filesystem type: raw bytes.</summary>
    public const int Raw = 4;

    /// <summary>Partition type: the primary system partition (the root filesystem run by default).</summary>
    public const int PrimarySystem = 2;

    /// <summary>Partition type: a writable overlay (an ext3 image holding <c>upper/</c> and <c>work/</c>).</summary>
    public const int Overlay = 4;
}
