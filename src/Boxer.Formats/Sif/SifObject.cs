using System.Buffers.Binary;

namespace Boxer.Formats.Sif;

/// <summary>
/// An object to put in a SIF: its descriptor fields and a way to write its bytes. Content is written by a
/// callback so a large partition streams straight into the file.
/// </summary>
/// <param name="DataType">The object's type.</param>
/// <param name="WriteContentAsync">Writes the content at the stream's current position.</param>
public sealed record SifObject(SifDataType DataType, Func<Stream, CancellationToken, Task> WriteContentAsync)
{
    /// <summary>The descriptor's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The group number, 1 by default (apptainer's); 0 for none.</summary>
    public uint GroupId { get; init; } = 1;

    /// <summary>The linked object or group, 0 for none.</summary>
    public uint LinkedId { get; init; }

    /// <summary>The alignment of the object's offset; null for the default (4096 for partitions, none otherwise).</summary>
    public int? Alignment { get; init; }

    /// <summary>The 384 type-specific descriptor bytes.</summary>
    public byte[] Extra { get; init; } = [];

    /// <summary>For a partition of primary system type: its architecture code, which the header takes.</summary>
    internal string? PrimaryArch { get; init; }

    /// <summary>An object holding fixed bytes.</summary>
    /// <param name="type">The object's type.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The object.</returns>
    public static SifObject FromBytes(SifDataType type, byte[] content) =>
        new(type, (stream, token) => stream.WriteAsync(content, token).AsTask());

    /// <summary>A partition whose bytes come from <paramref name="writeContentAsync"/>.</summary>
    /// <param name="fsType">Filesystem type: 1 squashfs, 2 ext3, 3 immutable object, 4 raw, 5 encrypted squashfs.</param>
    /// <param name="partitionType">Partition type: 1 system, 2 primary system, 3 data, 4 overlay.</param>
    /// <param name="arch">Two-digit architecture code, see <see cref="SifArchitecture"/>.</param>
    /// <param name="writeContentAsync">Writes the partition.</param>
    /// <returns>The object.</returns>
    public static SifObject Partition(int fsType, int partitionType, string arch, Func<Stream, CancellationToken, Task> writeContentAsync)
    {
        var extra = new byte[SifLayout.DescriptorExtraSize];
        BinaryPrimitives.WriteInt32LittleEndian(extra.AsSpan(SifLayout.PartitionFsTypeOffset), fsType);
        BinaryPrimitives.WriteInt32LittleEndian(extra.AsSpan(SifLayout.PartitionTypeOffset), partitionType);
        SifHeader.Ascii(extra.AsSpan(SifLayout.PartitionArchOffset, SifLayout.ArchSize), arch);
        return new SifObject(SifDataType.Partition, writeContentAsync)
        {
            Extra = extra,
            PrimaryArch = partitionType == SifPartitionTypes.PrimarySystem ? arch : null,
        };
    }
}
