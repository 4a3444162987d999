namespace Boxer.Core.Sbom;

/// <summary>The packages a tree's databases list, in a stable order, and what could not be read.</summary>
/// <param name="Packages">Sorted by database, full name, version and architecture (ordinal).</param>
/// <param name="Warnings">One line per entry or file skipped.</param>
public sealed record PackageInventory(IReadOnlyList<InstalledPackage> Packages, IReadOnlyList<string> Warnings)
{
    /// <summary>The order every document lists packages in: it must not depend on the tree's enumeration.</summary>
    public static IReadOnlyList<InstalledPackage> Sorted(IEnumerable<InstalledPackage> packages) =>
    [
        .. packages
            .OrderBy(p => p.Database)
            .ThenBy(p => p.FullName, StringComparer.Ordinal)
            .ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.Architecture ?? "", StringComparer.Ordinal),
    ];
}
