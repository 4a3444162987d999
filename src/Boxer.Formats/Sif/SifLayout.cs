namespace Boxer.Formats.Sif;

/// <summary>Offsets, sizes and values of the SIF "01" layout (all integers little-endian, structs packed).</summary>
internal static class SifLayout
{
    public const int HeaderSize = 128;
    public const int LaunchScriptOffset = 0;
    public const int LaunchScriptSize = 32;
    public const int MagicOffset = 32;
    public const int MagicSize = 10;
    public const int VersionOffset = 42;
    public const int VersionSize = 3;
    public const int ArchOffset = 45;
    public const int ArchSize = 3;
    public const int IdOffset = 48;
    public const int IdSize = 16;
    public const int CreatedOffset = 64;
    public const int ModifiedOffset = 72;
    public const int DescriptorsFreeOffset = 80;
    public const int DescriptorsTotalOffset = 88;
    public const int DescriptorsOffsetOffset = 96;
    public const int DescriptorsSizeOffset = 104;
    public const int DataOffsetOffset = 112;
    public const int DataSizeOffset = 120;

    public const int DescriptorsStart = 4096;
    public const int DescriptorSize = 585;
    public const int DefaultDescriptorCapacity = 48;

    public const int DescriptorTypeOffset = 0;
    public const int DescriptorUsedOffset = 4;
    public const int DescriptorIdOffset = 5;
    public const int DescriptorGroupOffset = 9;
    public const int DescriptorLinkOffset = 13;
    public const int DescriptorOffsetOffset = 17;
    public const int DescriptorSizeOffset = 25;
    public const int DescriptorPaddedSizeOffset = 33;
    public const int DescriptorCreatedOffset = 41;
    public const int DescriptorModifiedOffset = 49;
    public const int DescriptorUidOffset = 57;
    public const int DescriptorGidOffset = 65;
    public const int DescriptorNameOffset = 73;
    public const int DescriptorNameSize = 128;
    public const int DescriptorExtraOffset = 201;
    public const int DescriptorExtraSize = 384;

    public const int PartitionFsTypeOffset = 0;
    public const int PartitionTypeOffset = 4;
    public const int PartitionArchOffset = 8;

    public const uint GroupMask = 0xF0000000;
    public const int PartitionAlignment = 4096;

    public const string Magic = "SIF_MAGIC";
    public const string Version = "01";
    public const string DefaultLaunchScript = "#!/usr/bin/env run-singularity\n";

    /// <summary>The time Go's zero <c>time.Time</c> gives as Unix seconds: what deterministic SIFs record.</summary>
    public const long DeterministicTime = -62135596800;
}
