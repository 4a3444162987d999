namespace Boxer.Targets.Docker.Image;

/// <summary>An OCI content descriptor: what a blob is, its digest (<c>sha256:…</c>) and its size.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    /// <summary>The digest's hex part, as blob file names use it.</summary>
    public string Hex => Digest["sha256:".Length..];

    /// <summary>Describes <paramref name="bytes"/>.</summary>
    public static Descriptor Of(string mediaType, byte[] bytes) =>
        new(mediaType, "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes.Length);
}
