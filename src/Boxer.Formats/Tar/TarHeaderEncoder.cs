using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>
/// Turns one <see cref="FsEntry"/> into its header bytes: an optional PAX header (type <c>x</c>) with
/// whatever does not fit ustar, then the ustar block. Output depends only on the entry and the options,
/// so a tree's layer size can be computed before a single content byte is read.
/// </summary>
internal static class TarHeaderEncoder
{
    private const string XattrPrefix = "SCHILY.xattr.";
    private const string PaxHeaderDirectory = "PaxHeaders/";
    private const int PaxHeaderMode = 0b110_100_100;

    /// <summary>The tar name of an entry: the root is <c>./</c>, directories end in <c>/</c>, nothing else is prefixed.</summary>
    public static string TarName(FsEntry entry) =>
        entry.Path.Length == 0 ? "./" : entry.Kind == EntryKind.Directory ? entry.Path + "/" : entry.Path;

    public static byte[] Encode(FsEntry entry, TarWriterOptions options)
    {
        var pax = new PaxRecords();
        var (name, prefix) = FitName(TarName(entry), pax);
        byte[] link = entry.Kind is EntryKind.Symlink or EntryKind.HardLink
            ? FitText(entry.LinkTarget ?? "", TarLayout.LinkNameLength, "linkpath", pax)
            : [];
        long mtime = FitMtime(entry.ModifiedTime, options.ClampTime, pax);
        var header = new UstarHeader(
            name,
            prefix,
            entry.Mode & 0b111_111_111_111,
            FitNumber(entry.Uid, TarLayout.MaxIdField, "uid", pax),
            FitNumber(entry.Gid, TarLayout.MaxIdField, "gid", pax),
            entry.Kind == EntryKind.File ? FitNumber(entry.Size, TarLayout.MaxLongField, "size", pax) : 0,
            mtime,
            TypeFlag(entry),
            link,
            FitText(entry.UserName ?? "", TarLayout.OwnerNameLength, "uname", pax),
            FitText(entry.GroupName ?? "", TarLayout.OwnerNameLength, "gname", pax),
            entry.IsDevice ? entry.DeviceMajor : 0,
            entry.IsDevice ? entry.DeviceMinor : 0);
        foreach (var (key, value) in entry.Xattrs)
        {
            pax.Add(XattrPrefix + key, value.AsSpan());
        }
        return Assemble(entry, header, pax);
    }

    private static byte[] Assemble(FsEntry entry, UstarHeader header, PaxRecords pax)
    {
        if (pax.IsEmpty)
        {
            var only = new byte[TarLayout.BlockSize];
            header.WriteTo(only);
            return only;
        }
        long paxData = TarLayout.Padded(pax.Bytes.Length);
        var bytes = new byte[TarLayout.BlockSize + paxData + TarLayout.BlockSize];
        var paxHeader = header with
        {
            Name = Ascii(PaxHeaderDirectory + (entry.Name.Length == 0 ? "root" : entry.Name), TarLayout.NameLength),
            Prefix = [],
            Mode = PaxHeaderMode,
            Uid = 0,
            Gid = 0,
            Size = pax.Bytes.Length,
            TypeFlag = TarLayout.TypePaxHeader,
            LinkName = [],
            UserName = [],
            GroupName = [],
            DevMajor = 0,
            DevMinor = 0,
        };
        paxHeader.WriteTo(bytes);
        pax.Bytes.CopyTo(bytes.AsSpan(TarLayout.BlockSize));
        header.WriteTo(bytes.AsSpan((int)(TarLayout.BlockSize + paxData)));
        return bytes;
    }

    private static byte TypeFlag(FsEntry entry) => entry.Kind switch
    {
        EntryKind.File => TarLayout.TypeFile,
        EntryKind.Directory => TarLayout.TypeDirectory,
        EntryKind.Symlink => TarLayout.TypeSymlink,
        EntryKind.HardLink => TarLayout.TypeHardLink,
        EntryKind.CharDevice => TarLayout.TypeCharDevice,
        EntryKind.BlockDevice => TarLayout.TypeBlockDevice,
        EntryKind.Fifo => TarLayout.TypeFifo,
        _ => throw new TarFormatException($"tar cannot hold a {entry.Kind}", entry.Path),
    };

    /// <summary>ustar name, else split into prefix/name at a slash, else a PAX <c>path</c> record.</summary>
    private static (byte[] Name, byte[] Prefix) FitName(string tarName, PaxRecords pax)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(tarName);
        bool ascii = bytes.Length == tarName.Length;
        if (ascii && bytes.Length <= TarLayout.NameLength)
        {
            return (bytes, []);
        }
        if (ascii)
        {
            int lowest = bytes.Length - TarLayout.NameLength - 1;
            for (int i = Math.Min(TarLayout.PrefixLength, bytes.Length - 2); i >= Math.Max(lowest, 1); i--)
            {
                if (bytes[i] == (byte)'/')
                {
                    return (bytes[(i + 1)..], bytes[..i]);
                }
            }
        }
        pax.Add("path", bytes);
        return (Ascii(tarName, TarLayout.NameLength), []);
    }

    private static byte[] FitText(string text, int width, string paxKey, PaxRecords pax)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == text.Length && bytes.Length <= width)
        {
            return bytes;
        }
        pax.Add(paxKey, bytes);
        return Ascii(text, width);
    }

    private static long FitNumber(long value, long max, string paxKey, PaxRecords pax)
    {
        if (value >= 0 && value <= max)
        {
            return value;
        }
        pax.Add(paxKey, value);
        return 0;
    }

    /// <summary>Whole seconds, as Docker's own layers carry them; clamped to SOURCE_DATE_EPOCH when given.</summary>
    private static long FitMtime(UnixTime time, UnixTime? clamp, PaxRecords pax)
    {
        long seconds = (clamp is { } limit ? time.ClampTo(limit) : time).Seconds;
        return FitNumber(seconds, TarLayout.MaxLongField, "mtime", pax);
    }

    /// <summary>A stand-in for readers that ignore PAX: non-ASCII as <c>_</c>, cut to the field's width.</summary>
    private static byte[] Ascii(string text, int width)
    {
        var bytes = new byte[Math.Min(text.Length, width)];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = text[i] < 0x80 ? (byte)text[i] : (byte)'_';
        }
        return bytes;
    }
}
