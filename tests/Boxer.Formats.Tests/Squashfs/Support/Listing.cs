using System.Collections.Immutable;
using System.Globalization;
using Boxer.Abstractions;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>An entry in the shared listing form, so our image compares entry by entry with GNU tar's view of a tar.</summary>
public static class Listing
{
    public static ListedEntry Of(FsEntry e)
    {
        char kind = e.Kind switch
        {
            EntryKind.Directory => 'd',
            EntryKind.Symlink => 'l',
            EntryKind.HardLink => 'h',
            EntryKind.CharDevice => 'c',
            EntryKind.BlockDevice => 'b',
            EntryKind.Fifo => 'p',
            EntryKind.Socket => 's',
            _ => '-',
        };
        string size = e.IsDevice ? $"{e.DeviceMajor},{e.DeviceMinor}" : e.HasContent ? e.Size.ToString(CultureInfo.InvariantCulture) : "0";
        string? link = e.Kind switch
        {
            EntryKind.Symlink => e.LinkTarget,
            EntryKind.HardLink => "./" + e.LinkTarget,
            _ => null,
        };
        return new ListedEntry(kind, Describe.Permissions(e.Mode), e.Uid, e.Gid, size, e.ModifiedTime.Seconds, e.Path.Length == 0 ? "./" : "./" + e.Path, link)
        {
            Xattrs = e.Xattrs.ToImmutableSortedDictionary(x => x.Key, x => ListedEntry.Hex(x.Value.AsSpan()), StringComparer.Ordinal),
        };
    }
}
