namespace Boxer.Formats.Sif;

/// <summary>
/// The format of a SIF SBOM object (<see cref="SifDataType.Sbom"/>), an int32 at the start of its descriptor's
/// extra bytes; the numbers are sylabs/sif's <c>SBOMFormat</c> (siftool prints them as <c>cyclonedx-json</c> …).
/// </summary>
public enum SifSbomFormat
{
    /// <summary>CycloneDX JSON.</summary>
    CycloneDxJson = 1,

    /// <summary>CycloneDX XML.</summary>
    CycloneDxXml = 2,

    /// <summary>GitHub dependency snapshot JSON.</summary>
    GitHubJson = 3,

    /// <summary>SPDX JSON.</summary>
    SpdxJson = 4,

    /// <summary>SPDX RDF/XML.</summary>
    SpdxRdf = 5,

    /// <summary>SPDX tag/value.</summary>
    SpdxTagValue = 6,

    /// <summary>SPDX YAML.</summary>
    SpdxYaml = 7,

    /// <summary>Syft JSON.</summary>
    SyftJson = 8,
}
