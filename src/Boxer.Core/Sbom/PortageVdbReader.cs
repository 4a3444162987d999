using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>
/// Reads Portage's installed-package database, <c>/var/db/pkg/&lt;category&gt;/&lt;PF&gt;/</c>: the CATEGORY
/// and PF files (the directory names when a file is missing), SLOT, LICENSE, HOMEPAGE, DESCRIPTION and
/// repository. A package is listed whatever its CONTENTS says, even if a recipe later removes the files
/// (the document describes the stage3). Directories being merged (<c>-MERGING-</c>) and entries whose PF is
/// not a valid PMS name and version are skipped with a warning.
/// </summary>
public static class PortageVdbReader
{
    /// <summary>Where the VDB lives, relative to the root.</summary>
    public const string VdbPath = "var/db/pkg";

    /// <summary>The installed packages; none when there is no VDB.</summary>
    /// <param name="tree">The tree to read.</param>
    /// <param name="warnings">Receives one line per entry skipped.</param>
    public static IReadOnlyList<InstalledPackage> Read(IReadOnlyRootFs tree, ICollection<string> warnings)
    {
        if (tree.Find(VdbPath)?.Kind != EntryKind.Directory)
        {
            return [];
        }
        var packages = new List<InstalledPackage>();
        foreach (var category in tree.Children(VdbPath).Where(e => e.Kind == EntryKind.Directory))
        {
            foreach (var entry in tree.Children(category.Path).Where(e => e.Kind == EntryKind.Directory))
            {
                if (ReadEntry(tree, entry.Path, warnings) is { } package)
                {
                    packages.Add(package);
                }
            }
        }
        return packages;
    }

    private static InstalledPackage? ReadEntry(IReadOnlyRootFs tree, string directory, ICollection<string> warnings)
    {
        string dirName = directory[(directory.LastIndexOf('/') + 1)..];
        string dirCategory = Path.GetFileName(Path.GetDirectoryName(directory))!;
        if (dirName.StartsWith("-MERGING-", StringComparison.Ordinal))
        {
            warnings.Add($"sbom: /{directory} is an unfinished merge; skipped");
            return null;
        }
        string? Value(string file) => DatabaseFile.ReadValue(tree, $"{directory}/{file}", warnings);
        string category = Value("CATEGORY") ?? dirCategory;
        string pf = Value("PF") ?? dirName;
        if (!PortageVersion.TrySplit(pf, out string name, out string pvr) || category.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            warnings.Add($"sbom: /{directory}: '{category}/{pf}' is not a Portage category and PF; skipped");
            return null;
        }
        return new InstalledPackage
        {
            Database = PackageDatabase.Portage,
            Category = category,
            Name = name,
            Version = pvr,
            Slot = Value("SLOT"),
            License = Value("LICENSE"),
            Homepage = Value("HOMEPAGE"),
            Description = Value("DESCRIPTION"),
            Repository = Value("repository"),
        };
    }
}
