using System.Text.Json;

namespace Boxer.Targets.Docker.Image;

/// <summary>The canonical JSON documents that point at the blobs: OCI manifest, OCI index and Docker's <c>manifest.json</c>.</summary>
public static class ManifestJson
{
    /// <summary>The OCI image manifest: one config, one layer, and the annotations (e.g. the stage's provenance), if any.</summary>
    public static byte[] Manifest(Descriptor config, Descriptor layer, IReadOnlyDictionary<string, string>? annotations = null) => Json(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 2);
        json.WriteString("mediaType", MediaTypes.Manifest);
        WriteDescriptor(json, "config", config);
        json.WriteStartArray("layers");
        WriteDescriptor(json, null, layer);
        json.WriteEndArray();
        if (annotations is { Count: > 0 })
        {
            json.WriteStartObject("annotations");
            foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    });

    /// <summary>The OCI layout's <c>index.json</c>, naming the manifest by tag when there is one.</summary>
    public static byte[] Index(Descriptor manifest, string? tag) => Json(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 2);
        json.WriteString("mediaType", MediaTypes.Index);
        json.WriteStartArray("manifests");
        json.WriteStartObject();
        json.WriteString("mediaType", manifest.MediaType);
        json.WriteString("digest", manifest.Digest);
        json.WriteNumber("size", manifest.Size);
        if (tag is not null)
        {
            json.WriteStartObject("annotations");
            json.WriteString("io.containerd.image.name", tag);
            json.WriteString("org.opencontainers.image.ref.name", tag[(tag.LastIndexOf(':') + 1)..]);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary><c>docker load</c>'s <c>manifest.json</c>: paths inside the archive and the tags to apply.</summary>
    public static byte[] DockerManifest(string configPath, IReadOnlyList<string> repoTags, string layerPath) => Json(json =>
    {
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("Config", configPath);
        json.WriteStartArray("RepoTags");
        foreach (string tag in repoTags)
        {
            json.WriteStringValue(tag);
        }
        json.WriteEndArray();
        json.WriteStartArray("Layers");
        json.WriteStringValue(layerPath);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    });

    /// <summary>The <c>oci-layout</c> file.</summary>
    public static byte[] Layout() => """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray();

    private static void WriteDescriptor(Utf8JsonWriter json, string? name, Descriptor descriptor)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }
        json.WriteString("mediaType", descriptor.MediaType);
        json.WriteString("digest", descriptor.Digest);
        json.WriteNumber("size", descriptor.Size);
        json.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        return buffer.ToArray();
    }
}
