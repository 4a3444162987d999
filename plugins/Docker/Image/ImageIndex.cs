using System.Text.Json;
using Boxer.Abstractions;

namespace Boxer.Targets.Docker.Image;

/// <summary>
/// An OCI image index over one image per platform (a "manifest list"): each manifest's descriptor with its
/// <c>platform</c> (<c>os</c>, <c>architecture</c>, <c>variant</c> when the architecture has one), in the order given.
/// </summary>
/// <param name="Bytes">The index's canonical bytes.</param>
/// <param name="Descriptor">Its descriptor; a registry serves the tag under this digest.</param>
/// <param name="Images">The images, one per platform.</param>
public sealed record ImageIndex(byte[] Bytes, Descriptor Descriptor, IReadOnlyList<PlatformImage> Images)
{
    /// <summary>Makes the index over <paramref name="images"/>.</summary>
    public static ImageIndex Create(IReadOnlyList<PlatformImage> images)
    {
        byte[] bytes = Json(images.Select(i => (i.Documents.ManifestDescriptor, i.Os, i.Architecture)));
        return new ImageIndex(bytes, Descriptor.Of(MediaTypes.Index, bytes), images);
    }

    /// <summary>The index document over manifests already published, each with its platform.</summary>
    public static byte[] Json(IEnumerable<(Descriptor Manifest, string Os, CpuArchitecture Architecture)> manifests)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.Index);
            json.WriteStartArray("manifests");
            foreach (var (manifest, os, architecture) in manifests)
            {
                json.WriteStartObject();
                json.WriteString("mediaType", manifest.MediaType);
                json.WriteString("digest", manifest.Digest);
                json.WriteNumber("size", manifest.Size);
                WritePlatform(json, os, architecture);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WritePlatform(Utf8JsonWriter json, string os, CpuArchitecture architecture)
    {
        json.WriteStartObject("platform");
        json.WriteString("architecture", architecture.Name);
        json.WriteString("os", os);
        if (architecture.Variant is { } variant)
        {
            json.WriteString("variant", variant);
        }
        json.WriteEndObject();
    }
}
