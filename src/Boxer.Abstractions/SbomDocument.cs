namespace Boxer.Abstractions;

/// <summary>
/// The software bill of materials of a build: one finished JSON document (SPDX 2.3 or CycloneDX 1.6) listing
/// the packages installed in the stage3, read from its package databases before any recipe ran. The host makes
/// it once per build; a target only places it (in the image, beside it, as an attached object) and never edits
/// it, so every output of one build carries the same bytes.
/// </summary>
public sealed class SbomDocument
{
    /// <summary>The media type of SPDX JSON documents (an OCI referrer's <c>artifactType</c>).</summary>
    public const string SpdxMediaType = "application/spdx+json";

    /// <summary>The media type of CycloneDX JSON documents (an OCI referrer's <c>artifactType</c>).</summary>
    public const string CycloneDxMediaType = "application/vnd.cyclonedx+json";

    /// <summary>The directory in an image where targets that put the document inside the tree place it.</summary>
    public const string ImageDirectory = "usr/share/boxer";

    /// <summary>The document's media type: <see cref="SpdxMediaType"/> or <see cref="CycloneDxMediaType"/>.</summary>
    public required string MediaType { get; init; }

    /// <summary>The file name to store it under: <c>sbom.spdx.json</c> or <c>sbom.cdx.json</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The document's bytes (UTF-8 JSON), reproducible when <c>SOURCE_DATE_EPOCH</c> is set.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>How many packages the document lists.</summary>
    public int PackageCount { get; init; }

    /// <summary>True for an SPDX document, false for CycloneDX.</summary>
    public bool IsSpdx => MediaType == SpdxMediaType;

    /// <summary>The path inside an image, relative to its root: <see cref="ImageDirectory"/>/<see cref="FileName"/>.</summary>
    public string ImagePath => $"{ImageDirectory}/{FileName}";

    /// <summary>The SHA-256 of <see cref="Content"/> as an OCI digest, <c>sha256:</c> and lowercase hex.</summary>
    public string Digest => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content.Span));
}
