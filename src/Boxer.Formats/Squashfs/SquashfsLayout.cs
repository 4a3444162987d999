namespace Boxer.Formats.Squashfs;

/// <summary>Sizes, limits and bit flags of the squashfs 4.0 on-disk format.</summary>
internal static class SquashfsLayout
{
    public const uint Magic = 0x73717368; // "hsqs"
    public const ushort VersionMajor = 4;
    public const ushort VersionMinor = 0;

    public const int SuperblockSize = 96;
    public const int MetadataBlockSize = 8192;
    public const int MetadataHeaderSize = 2;
    public const ushort MetadataUncompressedBit = 0x8000;
    public const uint DataUncompressedBit = 1u << 24;
    public const uint DataSizeMask = DataUncompressedBit - 1;
    public const int DevicePadding = 4096;

    public const int MinBlockLog = 12;
    public const int MaxBlockLog = 20;
    public const int DefaultBlockSize = 128 * 1024;

    public const uint NoFragment = 0xFFFFFFFF;
    public const uint NoXattr = 0xFFFFFFFF;
    public const ulong NoTable = 0xFFFFFFFFFFFFFFFF;

    public const int MaxDirectoryHeaderEntries = 256;
    public const int MaxNameLength = 256;
    public const int DirectoryHeaderSize = 12;
    public const int DirectoryEntrySize = 8;
    public const int DirectoryIndexSize = 12;
    public const int DirectorySizeBias = 3; // the kernel fakes "." and ".." at offsets 0..2
    public const int MaxInodeDelta = short.MaxValue;

    public const int FragmentEntrySize = 16;
    public const int IdEntrySize = 4;
    public const int ExportEntrySize = 8;
    public const int XattrIdEntrySize = 16;
    public const int XattrTableHeaderSize = 16;
    public const int MaxIds = 65536;

    public const ushort FlagNoXattrs = 0x0200;
    public const ushort FlagCompressorOptions = 0x0400;
    public const ushort FlagExportable = 0x0080;
    public const ushort FlagDuplicates = 0x0040;
    public const ushort FlagNoFragments = 0x0010;
    public const ushort FlagAlwaysFragments = 0x0020;

    public const ushort XattrOutOfLine = 0x0100;
    public const ushort XattrPrefixMask = 0x00FF;

    public const int GzipOptionsSize = 8;
    public const ushort GzipDefaultWindow = 15;
    public const int ZstdOptionsSize = 4;
}
