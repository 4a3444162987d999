using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>Reads every package database a tree holds (dpkg, Portage's VDB, apk) into one inventory.</summary>
public static class PackageInventoryReader
{
    /// <summary>Reads the tree's databases; a tree with none gives an empty inventory.</summary>
    /// <param name="tree">The tree, as imported: before any recipe could prune a database.</param>
    public static PackageInventory Read(IReadOnlyRootFs tree)
    {
        var warnings = new List<string>();
        var packages = DpkgStatusReader.Read(tree, warnings)
            .Concat(PortageVdbReader.Read(tree, warnings))
            .Concat(ApkInstalledReader.Read(tree, warnings));
        return new PackageInventory(PackageInventory.Sorted(packages), warnings);
    }
}
