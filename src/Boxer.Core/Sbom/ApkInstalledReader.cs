using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>
/// Reads Alpine's <c>/lib/apk/db/installed</c>: blank-line-separated records of one-letter fields
/// (<c>P:</c> name, <c>V:</c> version, <c>A:</c> architecture, <c>L:</c> licence, <c>U:</c> URL, <c>T:</c>
/// description, <c>o:</c> origin). A record without a name or version is skipped with a warning.
/// </summary>
public static class ApkInstalledReader
{
    /// <summary>Where apk keeps its database, relative to the root.</summary>
    public const string InstalledPath = "lib/apk/db/installed";

    /// <summary>The installed packages; none when there is no database.</summary>
    /// <param name="tree">The tree to read.</param>
    /// <param name="warnings">Receives one line per record skipped.</param>
    public static IReadOnlyList<InstalledPackage> Read(IReadOnlyRootFs tree, ICollection<string> warnings)
    {
        string? text = DatabaseFile.ReadText(tree, InstalledPath, warnings);
        if (text is null)
        {
            return [];
        }
        var packages = new List<InstalledPackage>();
        var fields = new Dictionary<char, string>();
        int record = 0;
        foreach (string raw in text.Split('\n').Append(""))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length >= 2 && line[1] == ':')
            {
                fields.TryAdd(line[0], line[2..].Trim());
                continue;
            }
            if (line.Trim().Length != 0 || fields.Count == 0)
            {
                continue;
            }
            record++;
            if (Get(fields, 'P') is { } name && Get(fields, 'V') is { } version)
            {
                packages.Add(new InstalledPackage
                {
                    Database = PackageDatabase.Apk,
                    Name = name,
                    Version = version,
                    Architecture = Get(fields, 'A'),
                    License = Get(fields, 'L'),
                    Homepage = Get(fields, 'U'),
                    Description = Get(fields, 'T'),
                    SourcePackage = Get(fields, 'o'),
                });
            }
            else
            {
                warnings.Add($"sbom: /{InstalledPath}: record {record} has no P: or V:; skipped");
            }
            fields.Clear();
        }
        return packages;
    }

    private static string? Get(Dictionary<char, string> fields, char key) =>
        fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
