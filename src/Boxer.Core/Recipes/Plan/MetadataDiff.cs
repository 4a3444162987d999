using System.Globalization;
using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Plan;

/// <summary>The metadata fields that differ between two versions of an entry.</summary>
internal static class MetadataDiff
{
    public static List<MetadataChange> Of(FsEntry old, FsEntry now, bool contentChanged)
    {
        var changes = new List<MetadataChange>();
        Add(changes, "kind", old.Kind.ToString(), now.Kind.ToString());
        Add(changes, "mode", Octal(old.Mode), Octal(now.Mode));
        Add(changes, "owner", Owner(old), Owner(now));
        Add(changes, "link", old.LinkTarget ?? "", now.LinkTarget ?? "");
        Add(changes, "device", $"{old.DeviceMajor},{old.DeviceMinor}", $"{now.DeviceMajor},{now.DeviceMinor}");
        foreach (var name in old.Xattrs.Keys.Union(now.Xattrs.Keys).Order(StringComparer.Ordinal))
        {
            Add(changes, $"xattr {name}", Hex(old, name), Hex(now, name));
        }
        // An edit stamps the time; with the content change reported, the time change is noise.
        if (!contentChanged && changes.Count == 0)
        {
            Add(changes, "mtime", old.ModifiedTime.ToString(), now.ModifiedTime.ToString());
        }
        return changes;
    }

    private static void Add(List<MetadataChange> changes, string field, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new MetadataChange(field, before, after));
        }
    }

    private static string Octal(int mode) => Convert.ToString(mode, 8).PadLeft(4, '0');

    private static string Owner(FsEntry e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Uid}/{e.Gid}") + (e.UserName is null && e.GroupName is null ? "" : $" ({e.UserName}:{e.GroupName})");

    private static string Hex(FsEntry e, string name) =>
        e.Xattrs.TryGetValue(name, out var value) ? "0x" + Convert.ToHexStringLower(value.AsSpan()) : "(none)";
}
