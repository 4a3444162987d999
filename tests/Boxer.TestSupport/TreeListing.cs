using System.Collections.Immutable;
using System.Globalization;
using Boxer.Abstractions;

namespace Boxer.TestSupport;

/// <summary>
/// Renders tree entries (a plan's, or what boxer's own readers see in an artifact) as <see cref="ListedEntry"/>
/// lines, so a plan can be held against GNU tar's listing of what the build wrote, entry by entry.
/// </summary>
public static class TreeListing
{
    /// <summary>The entries as a listing: hard links carry their target's size, as GNU tar's listing does.</summary>
    public static IReadOnlyList<ListedEntry> Of(IEnumerable<FsEntry> entries)
    {
        var all = entries.ToList();
        var sizes = all.Where(e => e.Kind == EntryKind.File).ToDictionary(e => e.Path, e => e.Size, StringComparer.Ordinal);
        return all.ConvertAll(e => new ListedEntry(
            Kind(e.Kind), Perms(e.Mode), e.Uid, e.Gid, Size(e, sizes), e.ModifiedTime.Seconds, ListingPath.Normalize(e.Path),
            e.Kind switch
            {
                EntryKind.Symlink => e.LinkTarget,
                EntryKind.HardLink => ListingPath.Normalize(e.LinkTarget!),
                _ => null,
            })
        {
            Xattrs = e.Xattrs.ToImmutableSortedDictionary(x => x.Key, x => Convert.ToHexStringLower(x.Value.AsSpan()), StringComparer.Ordinal),
        });
    }

    private static char Kind(EntryKind kind) => kind switch
    {
        EntryKind.Directory => 'd',
        EntryKind.Symlink => 'l',
        EntryKind.HardLink => 'h',
        EntryKind.CharDevice => 'c',
        EntryKind.BlockDevice => 'b',
        EntryKind.Fifo => 'p',
        EntryKind.File => '-',
        _ => 's',
    };

    private static string Size(FsEntry e, Dictionary<string, long> sizes) => e.Kind switch
    {
        EntryKind.File => e.Size.ToString(CultureInfo.InvariantCulture),
        EntryKind.HardLink => sizes.GetValueOrDefault(e.LinkTarget!).ToString(CultureInfo.InvariantCulture),
        EntryKind.CharDevice or EntryKind.BlockDevice => $"{e.DeviceMajor},{e.DeviceMinor}",
        _ => "0",
    };

    private static string Perms(int mode)
    {
        var c = "rwxrwxrwx".Select((ch, i) => (mode & (1 << (8 - i))) != 0 ? ch : '-').ToArray();
        Special(c, 2, (mode & 0x800) != 0, 's');
        Special(c, 5, (mode & 0x400) != 0, 's');
        Special(c, 8, (mode & 0x200) != 0, 't');
        return new string(c);
    }

    private static void Special(char[] c, int at, bool set, char letter)
    {
        if (set)
        {
            c[at] = c[at] == 'x' ? letter : char.ToUpperInvariant(letter);
        }
    }
}
