namespace Boxer.Core.Sbom;

/// <summary>The package database an installed package was read from.</summary>
public enum PackageDatabase
{
    /// <summary>Debian's <c>/var/lib/dpkg/status</c>.</summary>
    Dpkg,

    /// <summary>Portage's VDB, <c>/var/db/pkg/&lt;category&gt;/&lt;PF&gt;/</c>.</summary>
    Portage,

    /// <summary>Alpine's <c>/lib/apk/db/installed</c>.</summary>
    Apk,
}
