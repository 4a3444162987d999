namespace Boxer.Targets.Docker.Registry;

/// <summary>What a push did.</summary>
/// <param name="ManifestDigest">The digest the registry serves the manifest under.</param>
/// <param name="UploadedBlobs">Blobs sent.</param>
/// <param name="SkippedBlobs">Blobs the registry already had.</param>
public sealed record PushResult(string ManifestDigest, int UploadedBlobs, int SkippedBlobs);
