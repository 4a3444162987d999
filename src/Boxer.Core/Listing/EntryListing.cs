using System.Globalization;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Listing;

/// <summary>
/// Formats entries one per line the way <c>tar -tv</c> does, plus device numbers and xattr names, in the
/// shared <c>inspect --list</c> format:
/// <c>&lt;type&gt;&lt;perms&gt; &lt;uid&gt;/&lt;gid&gt; &lt;size&gt; &lt;yyyy-MM-dd HH:mm:ss&gt; ./&lt;path&gt;[ -&gt; target][ link to ./path][ xattrs=a,b]</c>.
/// Names, link targets and xattr names are escaped as GNU tar escapes them (<see cref="NameEscaper"/>), so
/// every entry is one line whatever its name holds.
/// </summary>
public static class EntryListing
{
    /// <summary>One line for an entry, times in UTC, no trailing newline.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The line.</returns>
    public static string FormatLine(FsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = new StringBuilder(96);
        line.Append(TypeChar(entry.Kind)).Append(Permissions(entry.Mode)).Append(' ')
            .Append(entry.Uid.ToString(CultureInfo.InvariantCulture)).Append('/')
            .Append(entry.Gid.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(SizeField(entry)).Append(' ')
            .Append(Time(entry.ModifiedTime)).Append(' ')
            .Append(DotPath(entry.Path));
        if (entry.Kind == EntryKind.Symlink)
        {
            line.Append(" -> ").Append(NameEscaper.Escape(entry.LinkTarget ?? ""));
        }
        else if (entry.Kind == EntryKind.HardLink)
        {
            line.Append(" link to ").Append(DotPath(entry.LinkTarget ?? ""));
        }
        if (!entry.Xattrs.IsEmpty)
        {
            line.Append(" xattrs=").AppendJoin(',', entry.Xattrs.Keys.Select(NameEscaper.Escape));
        }
        return line.ToString();
    }

    /// <summary>The <c>--xattrs</c> lines that follow an entry: <c>  name=0x&lt;hex&gt;</c>, names in ordinal order.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>One line per extended attribute; none when it has none.</returns>
    public static IReadOnlyList<string> FormatXattrs(FsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return [.. entry.Xattrs.Select(x => $"  {NameEscaper.Escape(x.Key)}=0x{Convert.ToHexStringLower(x.Value.AsSpan())}")];
    }

    /// <summary>The 9-character permission text, setuid/setgid/sticky shown as <c>s</c>/<c>S</c>, <c>t</c>/<c>T</c>.</summary>
    /// <param name="mode">Permission bits (07777).</param>
    /// <returns>For example <c>rwsr-xr-x</c>.</returns>
    public static string Permissions(int mode) => string.Create(9, mode, static (span, m) =>
    {
        Triplet(span[..3], m >> 6, (m & 0b100_000_000_000) != 0, 's');
        Triplet(span[3..6], m >> 3, (m & 0b010_000_000_000) != 0, 's');
        Triplet(span[6..], m, (m & 0b001_000_000_000) != 0, 't');
    });

    private static void Triplet(Span<char> span, int bits, bool special, char specialChar)
    {
        span[0] = (bits & 4) != 0 ? 'r' : '-';
        span[1] = (bits & 2) != 0 ? 'w' : '-';
        bool exec = (bits & 1) != 0;
        span[2] = special ? (exec ? specialChar : char.ToUpperInvariant(specialChar)) : exec ? 'x' : '-';
    }

    private static char TypeChar(EntryKind kind) => kind switch
    {
        EntryKind.File => '-',
        EntryKind.Directory => 'd',
        EntryKind.Symlink => 'l',
        EntryKind.HardLink => 'h',
        EntryKind.CharDevice => 'c',
        EntryKind.BlockDevice => 'b',
        EntryKind.Fifo => 'p',
        _ => 's',
    };

    private static string SizeField(FsEntry entry) => entry.IsDevice
        ? string.Create(CultureInfo.InvariantCulture, $"{entry.DeviceMajor},{entry.DeviceMinor}")
        : (entry.HasContent ? entry.Size : 0).ToString(CultureInfo.InvariantCulture);

    private static string Time(UnixTime time)
    {
        try
        {
            return time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            return time.Seconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string DotPath(string path) => path.Length == 0 ? "./" : "./" + NameEscaper.Escape(path);
}
