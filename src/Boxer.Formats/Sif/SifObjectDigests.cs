namespace Boxer.Formats.Sif;

/// <summary>One signed object in <see cref="SifSignedMetadata"/>.</summary>
/// <param name="RelativeId">The object's ID minus the lowest ID in its group.</param>
/// <param name="DescriptorDigest">The digest of the descriptor's integrity fields, e.g. <c>sha256:…</c>.</param>
/// <param name="ObjectDigest">The digest of the object's bytes.</param>
public sealed record SifObjectDigests(uint RelativeId, string DescriptorDigest, string ObjectDigest);
