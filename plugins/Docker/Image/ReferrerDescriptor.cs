using System.Text.Json.Nodes;

namespace Boxer.Targets.Docker.Image;

/// <summary>A manifest's descriptor as an index lists a referrer: the descriptor plus its <c>artifactType</c>.</summary>
/// <param name="Descriptor">The manifest's media type, digest and size.</param>
/// <param name="ArtifactType">The artifact's type, e.g. <c>application/spdx+json</c>.</param>
public sealed record ReferrerDescriptor(Descriptor Descriptor, string ArtifactType)
{
    /// <summary>The index entry: <c>mediaType</c>, <c>digest</c>, <c>size</c>, <c>artifactType</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["mediaType"] = Descriptor.MediaType,
        ["digest"] = Descriptor.Digest,
        ["size"] = Descriptor.Size,
        ["artifactType"] = ArtifactType,
    };
}
