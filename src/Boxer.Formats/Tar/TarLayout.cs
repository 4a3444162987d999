namespace Boxer.Formats.Tar;

/// <summary>
/// The POSIX ustar header block, as <see cref="UstarHeader"/> writes it. A PAX entry is an extra header
/// (type <c>x</c>) whose data is <c>"&lt;len&gt; &lt;key&gt;=&lt;value&gt;\n"</c> records, placed before the
/// ustar header it amends.
/// <code>
///   0 name[100]   100 mode[8]    108 uid[8]      116 gid[8]       124 size[12]   136 mtime[12]
/// 148 chksum[8]   156 typeflag   157 linkname[100]                257 magic "ustar\0"
/// 263 version "00"               265 uname[32]   297 gname[32]    329 devmajor[8] 337 devminor[8]
/// 345 prefix[155] 500 pad[12]
/// </code>
/// Numbers are zero-padded octal ending in NUL; the archive ends with two zero blocks.
/// </summary>
internal static class TarLayout
{
    public const int BlockSize = 512;
    public const int EndBlocks = 2;

    public const int NameOffset = 0;
    public const int NameLength = 100;
    public const int ModeOffset = 100;
    public const int UidOffset = 108;
    public const int GidOffset = 116;
    public const int IdFieldLength = 8;
    public const int SizeOffset = 124;
    public const int MtimeOffset = 136;
    public const int LongFieldLength = 12;
    public const int ChecksumOffset = 148;
    public const int ChecksumLength = 8;
    public const int TypeFlagOffset = 156;
    public const int LinkNameOffset = 157;
    public const int LinkNameLength = 100;
    public const int MagicOffset = 257;
    public const int VersionOffset = 263;
    public const int UserNameOffset = 265;
    public const int GroupNameOffset = 297;
    public const int OwnerNameLength = 32;
    public const int DevMajorOffset = 329;
    public const int DevMinorOffset = 337;
    public const int PrefixOffset = 345;
    public const int PrefixLength = 155;

    /// <summary>The largest value of an 8-byte octal field (7 digits): 2097151.</summary>
    public const long MaxIdField = 0x1F_FFFF;

    /// <summary>The largest value of a 12-byte octal field (11 digits): 8 GiB - 1.</summary>
    public const long MaxLongField = 0x1_FFFF_FFFF;

    public const byte TypeFile = (byte)'0';
    public const byte TypeHardLink = (byte)'1';
    public const byte TypeSymlink = (byte)'2';
    public const byte TypeCharDevice = (byte)'3';
    public const byte TypeBlockDevice = (byte)'4';
    public const byte TypeDirectory = (byte)'5';
    public const byte TypeFifo = (byte)'6';
    public const byte TypePaxHeader = (byte)'x';

    public static ReadOnlySpan<byte> Magic => "ustar\0"u8;

    public static ReadOnlySpan<byte> Version => "00"u8;

    /// <summary>Rounds a content length up to whole blocks.</summary>
    public static long Padded(long size) => (size + BlockSize - 1) / BlockSize * BlockSize;
}
