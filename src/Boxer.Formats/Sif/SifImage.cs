namespace Boxer.Formats.Sif;

/// <summary>A SIF file's header and used descriptors, as <see cref="SifReader"/> reads them.</summary>
/// <param name="Header">The global header.</param>
/// <param name="Descriptors">The used descriptors, in slot order.</param>
public sealed record SifImage(SifHeader Header, IReadOnlyList<SifDescriptor> Descriptors)
{
    /// <summary>The primary system partition, if there is one.</summary>
    public SifDescriptor? PrimaryPartition =>
        Descriptors.FirstOrDefault(d => d.DataType == SifDataType.Partition && d.PartitionType == SifPartitionTypes.PrimarySystem);

    /// <summary>The ext3 overlay partition (what <c>--writable</c> writes to), if there is one.</summary>
    public SifDescriptor? OverlayPartition =>
        Descriptors.FirstOrDefault(d => d.DataType == SifDataType.Partition && d.PartitionType == SifPartitionTypes.Overlay
            && d.PartitionFsType == SifPartitionTypes.Ext3);
}
