using static Boxer.Formats.Tar.TarLayout;

namespace Boxer.Formats.Tar;

/// <summary>Reads the fields of a header block whose checksum was already verified.</summary>
internal static class TarHeaderParser
{
    /// <summary>Parses a block; returns the name of the first malformed numeric field instead of throwing.</summary>
    public static TarHeader Parse(ReadOnlySpan<byte> block, out string? badField)
    {
        badField = null;
        var name = Text(block.Slice(NameOffset, NameLength));
        // POSIX ustar splits long paths into prefix + name; GNU's magic marks a header without a prefix.
        if (block.Slice(MagicOffset, MagicLength).SequenceEqual(Magic))
        {
            var prefix = Text(block.Slice(PrefixOffset, PrefixLength));
            if (prefix.Length > 0)
            {
                name = [.. prefix, (byte)'/', .. name];
            }
        }
        bool hasDevice = TarHeader.HasUstarMagic(block);
        return new TarHeader(
            TypeFlag: block[TypeFlagOffset],
            Name: name,
            LinkName: Text(block.Slice(LinkNameOffset, LinkNameLength)),
            Mode: Number(block, ModeOffset, IdFieldLength, "mode", ref badField),
            Uid: Number(block, UidOffset, IdFieldLength, "uid", ref badField),
            Gid: Number(block, GidOffset, IdFieldLength, "gid", ref badField),
            Size: Number(block, SizeOffset, LongFieldLength, "size", ref badField),
            Mtime: Number(block, MtimeOffset, LongFieldLength, "mtime", ref badField),
            UserName: Text(block.Slice(UserNameOffset, OwnerNameLength)),
            GroupName: Text(block.Slice(GroupNameOffset, OwnerNameLength)),
            DevMajor: hasDevice ? Number(block, DevMajorOffset, IdFieldLength, "devmajor", ref badField) : 0,
            DevMinor: hasDevice ? Number(block, DevMinorOffset, IdFieldLength, "devminor", ref badField) : 0);
    }

    private static byte[] Text(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return (end < 0 ? field : field[..end]).ToArray();
    }

    private static long Number(ReadOnlySpan<byte> block, int offset, int length, string field, ref string? badField)
    {
        if (TarNumber.TryParse(block.Slice(offset, length), out long value))
        {
            return value;
        }
        badField ??= field;
        return 0;
    }
}
