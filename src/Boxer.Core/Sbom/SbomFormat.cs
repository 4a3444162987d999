namespace Boxer.Core.Sbom;

/// <summary>Which bill of materials a build writes (<c>--sbom</c>).</summary>
public enum SbomFormat
{
    /// <summary>SPDX 2.3 JSON, the default.</summary>
    Spdx,

    /// <summary>CycloneDX 1.6 JSON.</summary>
    CycloneDx,

    /// <summary>No bill of materials.</summary>
    None,
}
