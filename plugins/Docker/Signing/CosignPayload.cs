using System.Text.Json;

namespace Boxer.Targets.Docker.Signing;

/// <summary>
/// The simple-signing payload cosign signs for a keyed image signature, byte for byte as sigstore's
/// <c>payload.Cosign</c> marshals it (Go's <c>json.Marshal</c>: compact, fields in declaration order):
/// <code>{"critical":{"identity":{"docker-reference":"REGISTRY/REPO"},"image":{"docker-manifest-digest":"sha256:…"},"type":"cosign container image signature"},"optional":null}</code>
/// </summary>
public static class CosignPayload
{
    /// <summary>The value of <c>critical.type</c>.</summary>
    public const string SignatureType = "cosign container image signature";

    /// <summary>The payload for <paramref name="manifestDigest"/> of <paramref name="reference"/>.</summary>
    /// <param name="reference">The pushed image.</param>
    /// <param name="manifestDigest">The digest the registry serves the manifest under.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] For(ImageReference reference, string manifestDigest)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("critical");
            json.WriteStartObject("identity");
            json.WriteString("docker-reference", DockerReference(reference));
            json.WriteEndObject();
            json.WriteStartObject("image");
            json.WriteString("docker-manifest-digest", manifestDigest);
            json.WriteEndObject();
            json.WriteString("type", SignatureType);
            json.WriteEndObject();
            json.WriteNull("optional");
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>go-containerregistry's <c>Repository.Name()</c>: the registry (Docker Hub as <c>index.docker.io</c>) and the repository.</summary>
    internal static string DockerReference(ImageReference reference) =>
        $"{(reference.Registry == ImageReference.DockerHub ? "index.docker.io" : reference.Registry)}/{reference.Repository}";

    /// <summary>The tag cosign stores the signature under: <c>sha256-&lt;hex&gt;.sig</c>.</summary>
    internal static string SignatureTag(string manifestDigest) => manifestDigest.Replace(':', '-') + ".sig";
}
