using System.Text.Json;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker.Signing;

/// <summary>
/// The OCI image manifest cosign stores a signature as: one layer, the payload
/// (<c>application/vnd.dev.cosign.simplesigning.v1+json</c>), whose <c>dev.cosignproject.cosign/signature</c>
/// annotation is the base64 DER signature; the config is go-containerregistry's empty image with that layer.
/// </summary>
internal sealed record CosignSignatureManifest(byte[] Payload, byte[] Config, byte[] Manifest)
{
    public const string PayloadMediaType = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string SignatureAnnotation = "dev.cosignproject.cosign/signature";

    public Descriptor PayloadDescriptor => Descriptor.Of(PayloadMediaType, Payload);

    public Descriptor ConfigDescriptor => Descriptor.Of(MediaTypes.Config, Config);

    public static CosignSignatureManifest Create(byte[] payload, byte[] signature)
    {
        var layer = Descriptor.Of(PayloadMediaType, payload);
        byte[] config = Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("architecture", "");
            json.WriteString("created", "0001-01-01T00:00:00Z");
            json.WriteStartArray("history");
            json.WriteStartObject();
            json.WriteString("created", "0001-01-01T00:00:00Z");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("os", "");
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            json.WriteStringValue(layer.Digest);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("config");
            json.WriteEndObject();
            json.WriteEndObject();
        });
        var configDescriptor = Descriptor.Of(MediaTypes.Config, config);
        byte[] manifest = Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.Manifest);
            WriteDescriptor(json, "config", configDescriptor);
            json.WriteStartArray("layers");
            WriteDescriptor(json, null, layer, Convert.ToBase64String(signature));
            json.WriteEndArray();
            json.WriteEndObject();
        });
        return new CosignSignatureManifest(payload, config, manifest);
    }

    private static void WriteDescriptor(Utf8JsonWriter json, string? name, Descriptor descriptor, string? signature = null)
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
        json.WriteNumber("size", descriptor.Size);
        json.WriteString("digest", descriptor.Digest);
        if (signature is not null)
        {
            json.WriteStartObject("annotations");
            json.WriteString(SignatureAnnotation, signature);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        return buffer.ToArray();
    }
}
