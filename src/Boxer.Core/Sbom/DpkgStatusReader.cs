using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>
/// Reads <c>/var/lib/dpkg/status</c>: every stanza whose <c>Status</c> is exactly <c>install ok installed</c>
/// (the packages <c>dpkg -l</c> marks <c>ii</c>); removed packages with their configuration left, half-installed
/// ones and bare selections are not installed software. A stanza without a name or version is skipped with a warning.
/// </summary>
public static class DpkgStatusReader
{
    /// <summary>Where dpkg keeps its database, relative to the root.</summary>
    public const string StatusPath = "var/lib/dpkg/status";

    /// <summary>The installed packages, in file order; none when there is no status file.</summary>
    /// <param name="tree">The tree to read.</param>
    /// <param name="warnings">Receives one line per stanza or file skipped.</param>
    public static IReadOnlyList<InstalledPackage> Read(IReadOnlyRootFs tree, ICollection<string> warnings)
    {
        string? text = DatabaseFile.ReadText(tree, StatusPath, warnings);
        if (text is null)
        {
            return [];
        }
        var packages = new List<InstalledPackage>();
        int stanza = 0;
        foreach (var fields in ControlStanzas.Parse(text))
        {
            stanza++;
            if (Field(fields, "Status") != "install ok installed")
            {
                continue;
            }
            if (Field(fields, "Package") is not { } name || Field(fields, "Version") is not { } version
                || name.Any(char.IsWhiteSpace) || version.Any(char.IsWhiteSpace))
            {
                warnings.Add($"sbom: /{StatusPath}: installed entry {stanza} has no usable Package or Version; skipped");
                continue;
            }
            var (source, sourceVersion) = SplitSource(Field(fields, "Source"));
            packages.Add(new InstalledPackage
            {
                Database = PackageDatabase.Dpkg,
                Name = name,
                Version = version,
                Architecture = Field(fields, "Architecture"),
                Maintainer = Field(fields, "Maintainer"),
                Homepage = Field(fields, "Homepage"),
                Description = Field(fields, "Description")?.Split('\n')[0],
                SourcePackage = source,
                SourceVersion = sourceVersion,
            });
        }
        return packages;
    }

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary><c>Source: glibc (2.36-9)</c> names the source package and, when it differs, its version.</summary>
    private static (string? Name, string? Version) SplitSource(string? source)
    {
        if (source is null)
        {
            return (null, null);
        }
        int open = source.IndexOf('(');
        if (open < 0)
        {
            return (source, null);
        }
        string version = source[(open + 1)..].TrimEnd(')', ' ');
        return (source[..open].Trim(), version.Length == 0 ? null : version);
    }
}
