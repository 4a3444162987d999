using System.Text.Json;
using System.Text.Json.Nodes;
using Boxer.Abstractions;

namespace Boxer.Targets.Docker.Image;

/// <summary>
/// The SBOM as an OCI 1.1 referrer of an image: an artifact manifest whose <c>artifactType</c> is the SBOM's
/// media type, whose config is the empty descriptor (<c>{}</c>), whose one layer is the document, and whose
/// <c>subject</c> is the image manifest. Registries list it under the image's digest (referrers API), and
/// registries without that API find it through the <c>sha256-&lt;hex&gt;</c> tag (see <c>RegistryClient.Referrers.cs</c>).
/// </summary>
/// <param name="Manifest">The artifact manifest's canonical bytes.</param>
/// <param name="ManifestDescriptor">Its descriptor, with <c>artifactType</c>, as an index lists it.</param>
/// <param name="Document">The SBOM blob's descriptor.</param>
/// <param name="Content">The SBOM's bytes.</param>
/// <param name="Subject">The image manifest it refers to.</param>
public sealed record SbomReferrer(byte[] Manifest, ReferrerDescriptor ManifestDescriptor, Descriptor Document, byte[] Content, Descriptor Subject)
{
    /// <summary>The OCI empty JSON config (image-spec 1.1 "guidance for an empty descriptor").</summary>
    public const string EmptyMediaType = "application/vnd.oci.empty.v1+json";

    /// <summary>The two bytes <c>{}</c> of the empty config.</summary>
    public static byte[] EmptyConfig => "{}"u8.ToArray();

    /// <summary>The empty config's descriptor (<c>sha256:44136fa…</c>, 2 bytes).</summary>
    public static Descriptor EmptyConfigDescriptor { get; } = Descriptor.Of(EmptyMediaType, "{}"u8.ToArray());

    /// <summary>The OCI layout annotation that names an image in <c>index.json</c>.</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    /// <summary>The name an untagged image gets in an index that also lists its SBOM referrer.</summary>
    public const string DefaultRefName = "latest";

    /// <summary>The annotation naming the file the SBOM layer holds.</summary>
    public const string TitleAnnotation = "org.opencontainers.image.title";

    /// <summary>Makes the referrer of <paramref name="subject"/> holding <paramref name="sbom"/>.</summary>
    public static SbomReferrer Create(SbomDocument sbom, Descriptor subject, DateTimeOffset created)
    {
        byte[] content = sbom.Content.ToArray();
        var document = Descriptor.Of(sbom.MediaType, content);
        byte[] manifest = Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.Manifest);
            json.WriteString("artifactType", sbom.MediaType);
            json.WriteStartObject("config");
            WriteDescriptorFields(json, EmptyConfigDescriptor);
            json.WriteString("data", Convert.ToBase64String(EmptyConfig));
            json.WriteEndObject();
            json.WriteStartArray("layers");
            json.WriteStartObject();
            WriteDescriptorFields(json, document);
            json.WriteStartObject("annotations");
            json.WriteString(TitleAnnotation, sbom.FileName);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("subject");
            WriteDescriptorFields(json, subject);
            json.WriteEndObject();
            json.WriteStartObject("annotations");
            json.WriteString("org.opencontainers.image.created", ImageConfigJson.Rfc3339(created));
            json.WriteEndObject();
            json.WriteEndObject();
        });
        var descriptor = Descriptor.Of(MediaTypes.Manifest, manifest);
        return new SbomReferrer(manifest, new ReferrerDescriptor(descriptor, sbom.MediaType), document, content, subject);
    }

    /// <summary>
    /// An OCI layout's <c>index.json</c> with this referrer listed after what it already lists (with its
    /// <c>artifactType</c>, as image-spec 1.1 asks of an index entry for an artifact).
    /// </summary>
    /// <remarks>
    /// With two manifests listed, skopeo (1.9) and other containers/image readers need the image named: an image
    /// entry without <c>org.opencontainers.image.ref.name</c> gets <see cref="DefaultRefName"/>, and the usage
    /// hint says <c>oci-archive:FILE:REF</c>.
    /// </remarks>
    public byte[] AddTo(byte[] index)
    {
        var root = JsonNode.Parse(index)!.AsObject();
        var manifests = root["manifests"]?.AsArray() ?? throw new ArgumentException("the index lists no manifests", nameof(index));
        foreach (var image in manifests.OfType<JsonObject>())
        {
            var annotations = image["annotations"] as JsonObject ?? [];
            image["annotations"] = annotations;
            annotations[RefNameAnnotation] ??= DefaultRefName;
        }
        manifests.Add(ManifestDescriptor.ToJson());
        return Json(json => root.WriteTo(json));
    }

    internal static void WriteDescriptorFields(Utf8JsonWriter json, Descriptor descriptor)
    {
        json.WriteString("mediaType", descriptor.MediaType);
        json.WriteString("digest", descriptor.Digest);
        json.WriteNumber("size", descriptor.Size);
    }

    internal static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        // Relaxed: media types keep their '+' readable (application/spdx+json, not \u002B).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }
        return buffer.ToArray();
    }
}
