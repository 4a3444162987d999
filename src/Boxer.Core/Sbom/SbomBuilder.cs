using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>Turns an inventory into the document targets receive (see <see cref="SbomDocument"/>).</summary>
public static class SbomBuilder
{
    /// <summary>The document in <paramref name="format"/>, or null for <see cref="SbomFormat.None"/>.</summary>
    public static SbomDocument? Create(SbomFormat format, PackageInventory inventory, SbomSubject subject) => format switch
    {
        SbomFormat.Spdx => new SbomDocument
        {
            MediaType = SbomDocument.SpdxMediaType,
            FileName = "sbom.spdx.json",
            Content = SpdxJsonWriter.Write(inventory, subject),
            PackageCount = inventory.Packages.Count,
        },
        SbomFormat.CycloneDx => new SbomDocument
        {
            MediaType = SbomDocument.CycloneDxMediaType,
            FileName = "sbom.cdx.json",
            Content = CycloneDxJsonWriter.Write(inventory, subject),
            PackageCount = inventory.Packages.Count,
        },
        _ => null,
    };
}
