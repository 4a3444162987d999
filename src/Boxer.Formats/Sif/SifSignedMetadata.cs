using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Boxer.Formats.Sif;

/// <summary>
/// The JSON a SIF signature signs (sylabs/sif integrity metadata, version 1), compact and in this key order:
/// <c>{"version":1,"header":{"digest":"sha256:…"},"objects":[{"relativeId":0,"descriptorDigest":"sha256:…","objectDigest":"sha256:…"},…]}</c>.
/// </summary>
/// <param name="Version">The metadata version, 1.</param>
/// <param name="HeaderDigest">The digest of the header's integrity fields.</param>
/// <param name="Objects">The signed objects, by ascending ID.</param>
public sealed record SifSignedMetadata(int Version, string HeaderDigest, IReadOnlyList<SifObjectDigests> Objects)
{
    /// <summary>The metadata version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The compact JSON, as Go's <c>json.Marshal</c> writes it.</summary>
    /// <returns>One line of JSON.</returns>
    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteStartObject("header");
            json.WriteString("digest", HeaderDigest);
            json.WriteEndObject();
            json.WriteStartArray("objects");
            foreach (var o in Objects)
            {
                json.WriteStartObject();
                json.WriteNumber("relativeId", o.RelativeId);
                json.WriteString("descriptorDigest", o.DescriptorDigest);
                json.WriteString("objectDigest", o.ObjectDigest);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads the JSON back.</summary>
    /// <param name="text">The signed text.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="InvalidDataException">Not integrity metadata.</exception>
    public static SifSignedMetadata Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var objects = root.GetProperty("objects").EnumerateArray().Select(o => new SifObjectDigests(
                o.GetProperty("relativeId").GetUInt32(),
                o.GetProperty("descriptorDigest").GetString() ?? "",
                o.GetProperty("objectDigest").GetString() ?? "")).ToList();
            return new SifSignedMetadata(root.GetProperty("version").GetInt32(), root.GetProperty("header").GetProperty("digest").GetString() ?? "", objects);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"the signed text is not SIF integrity metadata: {error.Message}", error);
        }
    }

    /// <summary>Computes the metadata of one object group with SHA-256.</summary>
    internal static SifSignedMetadata Compute(Stream stream, SifRawImage image, uint groupId)
    {
        var group = image.Group(groupId);
        uint minId = group[0].Descriptor.Id;
        var objects = group.Select(o => new SifObjectDigests(
            o.Descriptor.Id - minId,
            Digest(HashAlgorithmName.SHA256, SHA256.HashData(SifIntegrity.DescriptorBytes(o.Raw, o.Descriptor.Id - minId))),
            Digest(HashAlgorithmName.SHA256, SifIntegrity.ObjectDigest(stream, o.Descriptor, HashAlgorithmName.SHA256)))).ToList();
        return new SifSignedMetadata(CurrentVersion, Digest(HashAlgorithmName.SHA256, SHA256.HashData(SifIntegrity.HeaderBytes(image.Head))), objects);
    }

    /// <summary>Go's digest text: <c>sha256:</c> and lower-case hex.</summary>
    internal static string Digest(HashAlgorithmName algorithm, byte[] value) =>
        $"{algorithm.Name!.ToLowerInvariant()}:{Convert.ToHexStringLower(value)}";
}
