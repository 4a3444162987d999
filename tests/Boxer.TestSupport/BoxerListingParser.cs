using System.Collections.Immutable;
using System.Globalization;

namespace Boxer.TestSupport;

/// <summary>
/// Reads the COMMON.md <c>inspect --list [--xattrs]</c> format back into <see cref="ListedEntry"/>s; names
/// come back unescaped (boxer escapes them as GNU tar's default quoting style does).
/// </summary>
internal static class BoxerListingParser
{
    private const string XattrsMarker = " xattrs=";

    public static IReadOnlyList<ListedEntry> Parse(IEnumerable<string> lines)
    {
        var entries = new List<ListedEntry>();
        ListedEntry? current = null;
        string[] expectedNames = [];
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal))
            {
                var (name, hex) = ParseXattrLine(line);
                if (current is null || !values.TryAdd(name, hex))
                {
                    throw new FormatException($"stray or repeated xattr line: {line}");
                }
                continue;
            }
            Flush();
            (current, expectedNames) = ParseEntryLine(line);
        }
        Flush();
        return entries;

        void Flush()
        {
            if (current is null)
            {
                return;
            }
            if (!expectedNames.SequenceEqual(values.Keys, StringComparer.Ordinal))
            {
                throw new FormatException(
                    $"{current.Path}: xattrs=[{string.Join(',', expectedNames)}] but value lines for [{string.Join(',', values.Keys)}]"
                    + " (was the listing made with --xattrs?)");
            }
            entries.Add(current with { Xattrs = values.ToImmutable() });
            values.Clear();
            current = null;
        }
    }

    private static (string Name, string Hex) ParseXattrLine(string line)
    {
        var text = line[2..];
        var eq = text.LastIndexOf('=');
        if (eq <= 0)
        {
            throw new FormatException($"bad xattr line: {line}");
        }
        var value = text[(eq + 1)..];
        var hex = value.StartsWith("0x", StringComparison.Ordinal) ? value[2..] : value;
        if (hex.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
        {
            throw new FormatException($"xattr value is not lowercase 0x-hex: {line}");
        }
        return (ListingPath.Unescape(text[..eq]), hex);
    }

    private static (ListedEntry Entry, string[] XattrNames) ParseEntryLine(string line)
    {
        // kind+perms, uid/gid, size, date, time, then the path (which may hold spaces)
        var fields = line.Split(' ', 6);
        if (fields.Length < 6 || fields[0].Length != 10 || !fields[1].Contains('/'))
        {
            throw new FormatException($"not a listing line: {line}");
        }
        var owner = fields[1].Split('/');
        var mtime = DateTime.ParseExact(
            $"{fields[3]} {fields[4]}", "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var rest = fields[5];
        string[] names = [];
        var marker = rest.LastIndexOf(XattrsMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            names = [.. rest[(marker + XattrsMarker.Length)..].Split(',').Select(ListingPath.Unescape)];
            rest = rest[..marker];
        }
        var kind = fields[0][0];
        var separator = kind switch { 'l' => " -> ", 'h' => " link to ", _ => null };
        string? target = null;
        if (separator is not null)
        {
            var at = rest.IndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new FormatException($"link line without '{separator.Trim()}': {line}");
            }
            target = ListingPath.Unescape(rest[(at + separator.Length)..]);
            rest = rest[..at];
        }
        var entry = new ListedEntry(
            kind, fields[0][1..], long.Parse(owner[0], CultureInfo.InvariantCulture),
            long.Parse(owner[1], CultureInfo.InvariantCulture), fields[2],
            (long)(mtime - DateTime.UnixEpoch).TotalSeconds, ListingPath.Unescape(rest), target);
        return (entry, names);
    }
}
