namespace Boxer.Core.Import.Tar;

/// <summary>
/// Where the fields of a 512-byte tar header block live (POSIX ustar; GNU tar differs only after 345).
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
///  263    2  version
///  265   32  uname
///  297   32  gname
///  329    8  devmajor
///  337    8  devminor
///  345  155  prefix      POSIX only: the path's leading part, joined to name with '/'
/// </code>
/// </summary>
internal static class TarHeaderLayout
{
    public const int NameOffset = 0;
    public const int NameLength = 100;
    public const int ModeOffset = 100;
    public const int UidOffset = 108;
    public const int GidOffset = 116;
    public const int IdLength = 8;
    public const int SizeOffset = 124;
    public const int MtimeOffset = 136;
    public const int NumberLength = 12;
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
    public const int DeviceLength = 8;
    public const int PrefixOffset = 345;
    public const int PrefixLength = 155;

    public static ReadOnlySpan<byte> PosixMagic => "ustar\0"u8;

    public static ReadOnlySpan<byte> GnuMagic => "ustar "u8;
}
