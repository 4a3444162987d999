using System.Collections.Immutable;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>Resolves a member's recorded metadata: PAX over GNU long names over the header, then checks its numbers.</summary>
internal static class TarEntryBuilder
{
    public static TarEntry Build(TarHeader h, byte[]? longName, byte[]? longLink, PaxAttributes pax, long offset)
    {
        var rawName = pax.Path ?? Utf8(longName ?? h.Name, "name", h, offset);
        var kind = KindOf(h, rawName, offset);
        if (pax.IsSparse)
        {
            throw new TarReadException("GNU sparse entries are not supported; re-create the archive without --sparse", rawName, offset);
        }
        string? link = null;
        if (kind is EntryKind.Symlink or EntryKind.HardLink)
        {
            link = pax.LinkPath ?? Utf8(longLink ?? h.LinkName, "link name", h, offset);
        }
        return new TarEntry
        {
            Name = rawName,
            Kind = kind,
            Mode = (int)(h.Mode & 0xFFF),
            Uid = Id(pax.Uid ?? h.Uid, "uid", rawName, offset),
            Gid = Id(pax.Gid ?? h.Gid, "gid", rawName, offset),
            UserName = pax.UserName ?? Owner(h.UserName),
            GroupName = pax.GroupName ?? Owner(h.GroupName),
            ModifiedTime = pax.Mtime ?? new UnixTime(h.Mtime),
            Size = Size(pax.Size ?? h.Size, rawName, offset),
            LinkName = link,
            DeviceMajor = Id(pax.DevMajor ?? h.DevMajor, "devmajor", rawName, offset),
            DeviceMinor = Id(pax.DevMinor ?? h.DevMinor, "devminor", rawName, offset),
            Xattrs = pax.Xattrs.Count == 0 ? FsEntry.NoXattrs : ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal, pax.Xattrs.Select(x => KeyValuePair.Create(x.Key, ImmutableArray.Create(x.Value)))),
            HeaderOffset = offset,
        };
    }

    private static EntryKind KindOf(TarHeader h, string name, long offset) => (char)h.TypeFlag switch
    {
        // Pre-POSIX archives mark directories only by a trailing slash.
        '0' or '\0' when name.EndsWith('/') => EntryKind.Directory,
        '0' or '\0' or '7' => EntryKind.File,
        '1' => EntryKind.HardLink,
        '2' => EntryKind.Symlink,
        '3' => EntryKind.CharDevice,
        '4' => EntryKind.BlockDevice,
        '5' or 'D' => EntryKind.Directory,
        '6' => EntryKind.Fifo,
        'S' => throw new TarReadException("GNU sparse entries are not supported; re-create the archive without --sparse", name, offset),
        'M' => throw new TarReadException("multi-volume archives are not supported", name, offset),
        var t => throw new TarReadException($"unsupported entry type '{Printable(t)}'", name, offset),
    };

    private static string Utf8(byte[] bytes, string what, TarHeader h, long offset)
    {
        try
        {
            return PaxText.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new TarReadException($"the entry's {what} is not valid UTF-8", Encoding.UTF8.GetString(h.Name), offset);
        }
    }

    private static string? Owner(byte[] bytes) => bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes);

    private static int Id(long value, string field, string name, long offset) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw new TarReadException($"{field} {value} is out of range", name, offset);

    private static long Size(long value, string name, long offset) =>
        value >= 0 ? value : throw new TarReadException($"negative size {value}", name, offset);

    private static string Printable(char c) => c is >= ' ' and < '\x7f' ? c.ToString() : $"\\x{(int)c:x2}";
}
