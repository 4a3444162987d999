namespace Boxer.Formats.Tar;

/// <summary>
/// The one table of where the fields of a 512-byte tar header block live, used by both
/// <see cref="UstarHeader"/> (writing) and <see cref="TarHeaderParser"/> (reading). POSIX ustar; GNU tar
/// differs only from the magic on. A PAX entry is an extra header (type <c>x</c>, or <c>g</c> for global)
/// whose data is <c>"&lt;len&gt; &lt;key&gt;=&lt;value&gt;\n"</c> records, placed before the header it amends.
/// <code>
///  off  len  field
///    0  100  name        NUL-terminated unless full
///  100    8  mode        octal
///  108    8  uid         octal, or base-256 (GNU) when the high bit of byte 0 is set
///  116    8  gid         "
///  124   12  size        "
///  136   12  mtime       "
///  148    8  chksum      octal sum of all 512 bytes with this field read as spaces
///  156    1  typeflag    0 file, 1 hard link, 2 symlink, 3 char, 4 block, 5 dir, 6 FIFO, 7 contiguous,
///                        x PAX, g PAX global, L/K GNU long name/link, S GNU sparse
///  157  100  linkname
///  257    6  magic       "ustar\0" (POSIX) or "ustar " + version " \0" (GNU)
///  263    2  version     "00" (POSIX)
///  265   32  uname
///  297   32  gname
///  329    8  devmajor
///  337    8  devminor
///  345  155  prefix      POSIX only: the path's leading part, joined to name with '/'
///  500   12  padding
/// </code>
/// The writer emits zero-padded octal ending in NUL; the archive ends with two zero blocks.
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

    /// <summary>The width of mode, uid, gid, devmajor and devminor.</summary>
    public const int IdFieldLength = 8;
    public const int SizeOffset = 124;
    public const int MtimeOffset = 136;

    /// <summary>The width of size and mtime.</summary>
    public const int LongFieldLength = 12;
    public const int ChecksumOffset = 148;
    public const int ChecksumLength = 8;
    public const int TypeFlagOffset = 156;
    public const int LinkNameOffset = 157;
    public const int LinkNameLength = 100;
    public const int MagicOffset = 257;
    public const int MagicLength = 6;
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

    /// <summary>The POSIX magic; GNU writes <c>"ustar "</c> and a different version instead.</summary>
    public static ReadOnlySpan<byte> Magic => "ustar\0"u8;

    /// <summary>What POSIX and GNU magics share: a header carrying it has device fields.</summary>
    public static ReadOnlySpan<byte> MagicStem => "ustar"u8;

    public static ReadOnlySpan<byte> Version => "00"u8;

    /// <summary>Rounds a content length up to whole blocks.</summary>
    public static long Padded(long size) => (size + BlockSize - 1) / BlockSize * BlockSize;
}
