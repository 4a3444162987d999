using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Boxer.TestSupport;

/// <summary>
/// An independent listing of an archive, made by GNU tar and getfattr rather than by boxer: the oracle of
/// the import round-trip tests. Entries come out in archive order, a repeated path keeping only its last
/// occurrence (as extraction would), hard links carrying their target's size and xattrs (one inode).
/// </summary>
public static partial class GnuTarListing
{
    private static readonly ToolRunOptions TarEnvironment = new()
    {
        // GNU tar prints local time, and escapes non-ASCII names outside a UTF-8 locale.
        Environment = new Dictionary<string, string?> { ["TZ"] = "UTC", ["LC_ALL"] = "C.UTF-8" },
        Timeout = TimeSpan.FromMinutes(10),
    };

    /// <summary>
    /// Lists <paramref name="archive"/> (any compression GNU tar detects) with xattr values. The values come
    /// from extracting the archive into a temp dir and running getfattr there, which needs root (devices,
    /// ownership, trusted.* and security.* xattrs).
    /// </summary>
    public static IReadOnlyList<ListedEntry> Read(string archive)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("GnuTarListing.Read extracts the archive to read xattr values: run the tests as root (CI does)");
        }
        var entries = ReadWithoutValues(archive);
        using var extracted = new TempDir("boxer-gnutar-");
        ExternalTool.Run(
            "tar", ["--xattrs", "--xattrs-include=*", "--numeric-owner", "-xpf", archive, "-C", extracted.Path],
            TarEnvironment).EnsureSuccess();
        return WithXattrValues(entries, GetfattrDump.Read(extracted.Path));
    }

    /// <summary>Lists <paramref name="archive"/> with xattr names only (values are empty strings); no root needed.</summary>
    public static IReadOnlyList<ListedEntry> ReadWithoutValues(string archive)
    {
        var result = ExternalTool.Run(
            "tar",
            ["--xattrs", "--xattrs-include=*", "--numeric-owner", "--full-time", "--quoting-style=escape", "-tvv", "-f", archive],
            TarEnvironment);
        return ParseVerbose(result.EnsureSuccess().Stdout);
    }

    /// <summary>
    /// Parses <c>tar --numeric-owner --full-time --quoting-style=escape -tvv</c> output (run with TZ=UTC).
    /// xattr names come from the <c>  x: LEN NAME</c> lines, with empty values.
    /// </summary>
    public static IReadOnlyList<ListedEntry> ParseVerbose(string text)
    {
        var byPath = new Dictionary<string, (int Order, ListedEntry Entry)>(StringComparer.Ordinal);
        var order = 0;
        ListedEntry? current = null;
        foreach (var line in text.Split('\n').Where(l => l.Length > 0))
        {
            var xattr = XattrLine().Match(line);
            if (xattr.Success && current is not null)
            {
                current = current with { Xattrs = current.Xattrs.SetItem(xattr.Groups["name"].Value, "") };
            }
            else
            {
                Store();
                current = ParseEntryLine(line);
            }
        }
        Store();
        var entries = byPath.Values.OrderBy(v => v.Order).Select(v => v.Entry).ToList();
        return ResolveHardLinks(entries, e => e.Xattrs);

        void Store()
        {
            if (current is not null)
            {
                byPath.Remove(current.Path);
                byPath[current.Path] = (order++, current);
            }
        }
    }

    private static ListedEntry ParseEntryLine(string line)
    {
        var m = EntryLine().Match(line);
        if (!m.Success)
        {
            throw new FormatException($"unexpected GNU tar listing line: {line}");
        }
        var kind = m.Groups["mode"].Value[0];
        var name = m.Groups["name"].Value;
        var separator = kind switch { 'l' => " -> ", 'h' => " link to ", _ => null };
        string? target = null;
        if (separator is not null && name.IndexOf(separator, StringComparison.Ordinal) is var at and >= 0)
        {
            target = ListingPath.Unescape(name[(at + separator.Length)..]);
            target = kind == 'h' ? ListingPath.Normalize(target) : target;
            name = name[..at];
        }
        var seconds = DateTime.ParseExact(
            m.Groups["date"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) - DateTime.UnixEpoch;
        return new ListedEntry(
            kind, m.Groups["mode"].Value[1..],
            long.Parse(m.Groups["uid"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["gid"].Value, CultureInfo.InvariantCulture),
            m.Groups["size"].Value.Replace(" ", "", StringComparison.Ordinal),
            (long)seconds.TotalSeconds, ListingPath.Normalize(ListingPath.Unescape(name)), target);
    }

    private static List<ListedEntry> ResolveHardLinks(
        List<ListedEntry> entries, Func<ListedEntry, ImmutableSortedDictionary<string, string>> xattrsOf)
    {
        var byPath = entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        return entries.ConvertAll(e =>
            e.Kind == 'h' && e.LinkTarget is not null && byPath.TryGetValue(e.LinkTarget, out var target)
                ? e with { Size = target.Size, Xattrs = xattrsOf(target) }
                : e);
    }

    private static List<ListedEntry> WithXattrValues(
        IReadOnlyList<ListedEntry> entries, IReadOnlyDictionary<string, ImmutableSortedDictionary<string, string>> dump)
    {
        // Only the names tar lists count: the extraction's filesystem may add its own (security.selinux).
        return entries.Select(e =>
        {
            var found = dump.GetValueOrDefault(e.Path) ?? ImmutableSortedDictionary<string, string>.Empty;
            var xattrs = e.Xattrs.ToImmutableSortedDictionary(
                x => x.Key,
                x => found.TryGetValue(x.Key, out var hex)
                    ? hex
                    : throw new InvalidOperationException($"{e.Path}: tar lists xattr {x.Key} but getfattr does not see it after extraction"),
                StringComparer.Ordinal);
            return e with { Xattrs = xattrs };
        }).ToList();
    }

    [GeneratedRegex(@"^  x: \d+ (?<name>.+)$")]
    private static partial Regex XattrLine();

    [GeneratedRegex(
        @"^(?<mode>[-a-zA-Z][-rwxsStT]{9})[*+.]?\s+(?<uid>\d+)/(?<gid>\d+)\s+(?<size>\d+,\s*\d+|\d+)\s+"
        + @"(?<date>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.\d+)? +(?<name>.*)$")]
    private static partial Regex EntryLine();
}
