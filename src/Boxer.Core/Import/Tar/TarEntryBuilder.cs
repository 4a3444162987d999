using System.Collections.Immutable;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Import.Tar;

/// <summary>Resolves a member's final metadata: PAX over GNU long names over the header, then checks it.</summary>
internal static class TarEntryBuilder
{
    public static TarEntry Build(TarHeader h, byte[]? longName, byte[]? longLink, PaxAttributes pax, long offset)
    {
        var rawName = pax.Path ?? Utf8(longName ?? h.Name, "name", h, offset);
        var kind = KindOf(h, rawName, offset);
        if (pax.IsSparse)
        {
            throw new StageException("GNU sparse entries are not supported; re-create the archive without --sparse", rawName, offset);
        }
        var path = TarNameRules.Path(rawName, kind, offset);
        string? link = null;
        if (kind is EntryKind.Symlink or EntryKind.HardLink)
        {
            link = TarNameRules.Link(pax.LinkPath ?? Utf8(longLink ?? h.LinkName, "link name", h, offset), kind, rawName, offset);
        }
        var xattrs = pax.Xattrs.Where(x => XattrNamespaces.IsValid(x.Key)).ToList();
        return new TarEntry
        {
            Path = path,
            Kind = kind,
            Mode = (int)(h.Mode & 0xFFF),
            Uid = Id(pax.Uid ?? h.Uid, "uid", rawName, offset),
            Gid = Id(pax.Gid ?? h.Gid, "gid", rawName, offset),
            UserName = pax.UserName ?? Owner(h.UserName),
            GroupName = pax.GroupName ?? Owner(h.GroupName),
            ModifiedTime = pax.Mtime ?? new UnixTime(h.Mtime),
            Size = Size(pax.Size ?? h.Size, rawName, offset),
            LinkTarget = link,
            DeviceMajor = Id(pax.DevMajor ?? h.DevMajor, "devmajor", rawName, offset),
            DeviceMinor = Id(pax.DevMinor ?? h.DevMinor, "devminor", rawName, offset),
            Xattrs = xattrs.Count == 0 ? FsEntry.NoXattrs : ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal, xattrs.Select(x => KeyValuePair.Create(x.Key, ImmutableArray.Create(x.Value)))),
            HeaderOffset = offset,
            DroppedXattrs = [.. pax.Xattrs.Keys.Where(k => !XattrNamespaces.IsValid(k))],
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
        'S' => throw new StageException("GNU sparse entries are not supported; re-create the archive without --sparse", name, offset),
        'M' => throw new StageException("multi-volume archives are not supported", name, offset),
        var t => throw new StageException($"unsupported entry type '{Printable(t)}'", name, offset),
    };

    private static string Utf8(byte[] bytes, string what, TarHeader h, long offset)
    {
        try
        {
            return PaxText.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new StageException($"the entry's {what} is not valid UTF-8", Encoding.UTF8.GetString(h.Name), offset);
        }
    }

    private static string? Owner(byte[] bytes) => bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes);

    private static int Id(long value, string field, string name, long offset) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw new StageException($"{field} {value} is out of range", name, offset);

    private static long Size(long value, string name, long offset) =>
        value >= 0 ? value : throw new StageException($"negative size {value}", name, offset);

    private static string Printable(char c) => c is >= ' ' and < '\x7f' ? c.ToString() : $"\\x{(int)c:x2}";
}
