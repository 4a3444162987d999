using System.Text;

namespace Boxer.Formats.Tar;

/// <summary>
/// One ustar header block's fields, already fitted to their widths (the caller moves what does not fit
/// into PAX records). Names are raw bytes: UTF-8 paths are never re-encoded.
/// </summary>
internal readonly record struct UstarHeader(
    byte[] Name,
    byte[] Prefix,
    int Mode,
    long Uid,
    long Gid,
    long Size,
    long Mtime,
    byte TypeFlag,
    byte[] LinkName,
    byte[] UserName,
    byte[] GroupName,
    int DevMajor,
    int DevMinor)
{
    /// <summary>Writes the header into one zeroed 512-byte block and stamps its checksum.</summary>
    public void WriteTo(Span<byte> block)
    {
        block = block[..TarLayout.BlockSize];
        block.Clear();
        Name.CopyTo(block.Slice(TarLayout.NameOffset, TarLayout.NameLength));
        WriteOctal(block.Slice(TarLayout.ModeOffset, TarLayout.IdFieldLength), Mode);
        WriteOctal(block.Slice(TarLayout.UidOffset, TarLayout.IdFieldLength), Uid);
        WriteOctal(block.Slice(TarLayout.GidOffset, TarLayout.IdFieldLength), Gid);
        WriteOctal(block.Slice(TarLayout.SizeOffset, TarLayout.LongFieldLength), Size);
        WriteOctal(block.Slice(TarLayout.MtimeOffset, TarLayout.LongFieldLength), Mtime);
        block[TarLayout.TypeFlagOffset] = TypeFlag;
        LinkName.CopyTo(block.Slice(TarLayout.LinkNameOffset, TarLayout.LinkNameLength));
        TarLayout.Magic.CopyTo(block[TarLayout.MagicOffset..]);
        TarLayout.Version.CopyTo(block[TarLayout.VersionOffset..]);
        UserName.CopyTo(block.Slice(TarLayout.UserNameOffset, TarLayout.OwnerNameLength));
        GroupName.CopyTo(block.Slice(TarLayout.GroupNameOffset, TarLayout.OwnerNameLength));
        WriteOctal(block.Slice(TarLayout.DevMajorOffset, TarLayout.IdFieldLength), DevMajor);
        WriteOctal(block.Slice(TarLayout.DevMinorOffset, TarLayout.IdFieldLength), DevMinor);
        Prefix.CopyTo(block.Slice(TarLayout.PrefixOffset, TarLayout.PrefixLength));
        StampChecksum(block);
    }

    private static void StampChecksum(Span<byte> block)
    {
        var checksumField = block.Slice(TarLayout.ChecksumOffset, TarLayout.ChecksumLength);
        checksumField.Fill((byte)' ');
        int sum = 0;
        foreach (byte b in block)
        {
            sum += b;
        }
        // Six octal digits, NUL, space: the form GNU tar and Go's archive/tar write.
        WriteOctal(checksumField[..7], sum);
        checksumField[7] = (byte)' ';
    }

    /// <summary>Zero-padded octal filling all but the last byte, which stays NUL.</summary>
    private static void WriteOctal(Span<byte> field, long value)
    {
        int digits = field.Length - 1;
        string text = Convert.ToString(value, 8).PadLeft(digits, '0');
        if (text.Length > digits)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "does not fit the octal field");
        }
        Encoding.ASCII.GetBytes(text, field);
        field[digits] = 0;
    }
}
