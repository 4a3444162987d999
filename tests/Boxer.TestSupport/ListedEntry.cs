using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Boxer.TestSupport;

/// <summary>
/// One archive entry as a listing shows it, normalized so that GNU tar's view (<see cref="GnuTarListing"/>)
/// and boxer's <c>inspect --list --xattrs</c> view (<see cref="ParseBoxerListing"/>) compare entry by entry.
/// <see cref="ToString"/> renders the boxer listing format of COMMON.md.
/// </summary>
/// <param name="Kind">'-' file, 'd' dir, 'l' symlink, 'h' hard link, 'c'/'b' device, 'p' FIFO, 's' socket.</param>
/// <param name="Perms">Nine characters such as <c>rwsr-xr-x</c>.</param>
/// <param name="Uid">The numeric owner.</param>
/// <param name="Gid">The numeric group.</param>
/// <param name="Size">Content bytes (a hard link's target's), <c>major,minor</c> for devices, "0" otherwise.</param>
/// <param name="MtimeSeconds">Whole seconds since the epoch (sub-seconds dropped).</param>
/// <param name="Path"><c>./</c> for the root, else <c>./etc/passwd</c>, never a trailing slash.</param>
/// <param name="LinkTarget">Symlink text verbatim, or the <c>./</c> path a hard link names; null otherwise.</param>
public sealed record ListedEntry(
    char Kind, string Perms, long Uid, long Gid, string Size, long MtimeSeconds, string Path, string? LinkTarget)
{
    /// <summary>Extended attributes: name to lowercase hex of the value bytes (no <c>0x</c>), ordinal order.</summary>
    public ImmutableSortedDictionary<string, string> Xattrs { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public DateTime Mtime => DateTime.UnixEpoch.AddSeconds(MtimeSeconds);

    public bool Equals(ListedEntry? other) =>
        other is not null
        && (Kind, Perms, Uid, Gid, Size, MtimeSeconds, Path, LinkTarget)
            == (other.Kind, other.Perms, other.Uid, other.Gid, other.Size, other.MtimeSeconds, other.Path, other.LinkTarget)
        && Xattrs.Count == other.Xattrs.Count
        && Xattrs.All(x => other.Xattrs.TryGetValue(x.Key, out var v) && v == x.Value);

    public override int GetHashCode() => HashCode.Combine(Kind, Perms, Uid, Gid, Size, MtimeSeconds, Path);

    /// <summary>The entry line of the boxer listing format, without the xattr value lines.</summary>
    public string FormatLine()
    {
        var line = new StringBuilder()
            .Append(Kind).Append(Perms).Append(' ')
            .Append(Uid.ToString(CultureInfo.InvariantCulture)).Append('/')
            .Append(Gid.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Size).Append(' ')
            .Append(Mtime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Path);
        if (LinkTarget is not null)
        {
            line.Append(Kind == 'h' ? " link to " : " -> ").Append(LinkTarget);
        }
        if (Xattrs.Count > 0)
        {
            line.Append(" xattrs=").Append(string.Join(',', Xattrs.Keys));
        }
        return line.ToString();
    }

    /// <summary>The line and, under it, one <c>  name=0xhex</c> line per xattr (as <c>--xattrs</c> prints).</summary>
    public override string ToString() =>
        string.Join('\n', Xattrs.Select(x => $"  {x.Key}=0x{x.Value}").Prepend(FormatLine()));

    /// <summary>Parses <c>boxer inspect --list --xattrs</c> output (COMMON.md format) into entries.</summary>
    /// <exception cref="FormatException">A line does not fit the format, or xattr names and values disagree.</exception>
    public static IReadOnlyList<ListedEntry> ParseBoxerListing(IEnumerable<string> lines) =>
        BoxerListingParser.Parse(lines);

    /// <summary>Lowercase hex of <paramref name="bytes"/>, the form <see cref="Xattrs"/> holds.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
