namespace Boxer.Core.Sbom;

/// <summary>
/// One package as its database records it: names and versions exactly as written there (dpkg's
/// <c>Package</c> and <c>Version</c>, Portage's category, package name and the PVR parsed from PF).
/// </summary>
public sealed record InstalledPackage
{
    /// <summary>Where it was read from.</summary>
    public required PackageDatabase Database { get; init; }

    /// <summary>The package name (Portage: PN, without the category).</summary>
    public required string Name { get; init; }

    /// <summary>The version (Portage: PVR, the version with its <c>-rN</c> revision).</summary>
    public required string Version { get; init; }

    /// <summary>Portage's category, e.g. <c>sys-apps</c>; null elsewhere.</summary>
    public string? Category { get; init; }

    /// <summary>The architecture (dpkg's <c>Architecture</c>, apk's <c>A:</c>), or null.</summary>
    public string? Architecture { get; init; }

    /// <summary>The licence as the database states it (Portage's LICENSE, apk's <c>L:</c>), or null.</summary>
    public string? License { get; init; }

    /// <summary>The home page(s), space-separated as recorded, or null.</summary>
    public string? Homepage { get; init; }

    /// <summary>The one-line description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>dpkg's <c>Maintainer</c>, or null.</summary>
    public string? Maintainer { get; init; }

    /// <summary>The source package (dpkg's <c>Source</c> name, apk's origin), or null.</summary>
    public string? SourcePackage { get; init; }

    /// <summary>dpkg's source version when <c>Source</c> names one in parentheses, or null.</summary>
    public string? SourceVersion { get; init; }

    /// <summary>Portage's SLOT, or null.</summary>
    public string? Slot { get; init; }

    /// <summary>Portage's <c>repository</c> (e.g. <c>gentoo</c>), or null.</summary>
    public string? Repository { get; init; }

    /// <summary>The name with its category where there is one: <c>sys-apps/busybox</c>.</summary>
    public string FullName => Category is null ? Name : $"{Category}/{Name}";
}
