using System.Collections.Immutable;

namespace Boxer.TestSupport;

/// <summary>
/// Reads <c>getfattr -R -d -m - -e hex -h --absolute-names ROOT</c> output: per path, xattr name to the
/// lowercase hex of its value.
/// </summary>
public static class GetfattrDump
{
    private const string FileMarker = "# file: ";

    /// <summary>Runs getfattr over the extracted tree at <paramref name="root"/> and parses what it prints.</summary>
    public static IReadOnlyDictionary<string, ImmutableSortedDictionary<string, string>> Read(string root)
    {
        var result = ExternalTool.Run(
            "getfattr", ["-R", "-d", "-m", "-", "-e", "hex", "-h", "--absolute-names", root],
            new ToolRunOptions { Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8" } });
        return Parse(result.EnsureSuccess().Stdout, root);
    }

    /// <summary>Parses a dump; paths become <c>./relative</c> to <paramref name="root"/> (the root is <c>./</c>).</summary>
    public static IReadOnlyDictionary<string, ImmutableSortedDictionary<string, string>> Parse(string dump, string root)
    {
        var rootPrefix = root.TrimEnd('/');
        var byPath = new Dictionary<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal);
        string? path = null;
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var line in dump.Split('\n'))
        {
            if (line.StartsWith(FileMarker, StringComparison.Ordinal))
            {
                Flush();
                path = ToRelative(ListingPath.Unescape(line[FileMarker.Length..]), rootPrefix);
            }
            else if (line.Length > 0 && path is not null)
            {
                var eq = line.LastIndexOf('=');
                var value = line[(eq + 1)..];
                values[ListingPath.Unescape(line[..eq])] = value.StartsWith("0x", StringComparison.Ordinal) ? value[2..] : "";
            }
        }
        Flush();
        return byPath;

        void Flush()
        {
            if (path is not null)
            {
                byPath[path] = values.ToImmutable();
            }
            values.Clear();
        }
    }

    private static string ToRelative(string absolute, string rootPrefix)
    {
        if (absolute == rootPrefix)
        {
            return "./";
        }
        if (!absolute.StartsWith(rootPrefix + "/", StringComparison.Ordinal))
        {
            throw new FormatException($"getfattr path {absolute} is outside {rootPrefix}");
        }
        return ListingPath.Normalize(absolute[(rootPrefix.Length + 1)..]);
    }
}
