using System.Formats.Tar;
using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Formats.Sif;

namespace Boxer.Core.Sbom;

/// <summary>
/// Reads back the SBOM a build attached (<c>boxer inspect IMAGE --sbom</c>): a SIF's SBOM object, or the
/// SBOM referrer an OCI layout archive (<c>--out</c>) lists in its <c>index.json</c>. A file without one is
/// bad input: one line.
/// </summary>
public static class StoredSbomReader
{
    /// <summary>The media types an SBOM referrer's <c>artifactType</c> may have.</summary>
    public static bool IsSbomType(string? mediaType) => mediaType is SbomDocument.SpdxMediaType or SbomDocument.CycloneDxMediaType;

    /// <summary>The bytes of the first SBOM object in the SIF at <paramref name="path"/>.</summary>
    /// <exception cref="StageException">The SIF is damaged or holds no SBOM object.</exception>
    public static byte[] FromSif(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var sif = SifReader.Read(file);
            var sbom = sif.Descriptors.FirstOrDefault(d => d.DataType == SifDataType.Sbom)
                ?? throw new StageException($"{Path.GetFileName(path)}: the SIF holds no SBOM object");
            return SifReader.ReadObject(file, sbom);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new StageException($"{Path.GetFileName(path)}: {e.Message}", inner: e);
        }
    }

    /// <summary>The SBOM referrer's document in the OCI layout archive at <paramref name="path"/>.</summary>
    /// <exception cref="StageException">The archive is no OCI layout, or lists no SBOM referrer.</exception>
    public static byte[] FromOciArchive(string path)
    {
        string name = Path.GetFileName(path);
        try
        {
            Dictionary<string, byte[]> files;
            try
            {
                files = ReadSmallMembers(path);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                throw new StageException($"{name}: not an OCI layout archive ({e.Message})", inner: e);
            }
            if (!files.TryGetValue("index.json", out var index))
            {
                throw new StageException($"{name}: not an OCI layout archive (no index.json)");
            }
            string manifest = ReferrerDigest(index) ?? throw new StageException($"{name}: index.json lists no SBOM referrer");
            string layer = FirstLayerDigest(Blob(files, manifest, name));
            return Blob(files, layer, name);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StageException($"{name}: {e.Message}", inner: e);
        }
    }

    /// <summary>The digest of the first manifest an index lists with an SBOM <c>artifactType</c>, or null.</summary>
    public static string? ReferrerDigest(byte[] index)
    {
        using var json = JsonDocument.Parse(index);
        return json.RootElement.GetProperty("manifests").EnumerateArray()
            .FirstOrDefault(m => m.TryGetProperty("artifactType", out var type) && IsSbomType(type.GetString()))
            is { ValueKind: JsonValueKind.Object } found ? found.GetProperty("digest").GetString() : null;
    }

    /// <summary>The digest of a manifest's first layer (an SBOM referrer's document).</summary>
    public static string FirstLayerDigest(byte[] manifest)
    {
        using var json = JsonDocument.Parse(manifest);
        return json.RootElement.GetProperty("layers")[0].GetProperty("digest").GetString()
            ?? throw new InvalidDataException("the referrer's layer has no digest");
    }

    private static byte[] Blob(Dictionary<string, byte[]> files, string digest, string name) =>
        files.TryGetValue("blobs/" + digest.Replace(':', '/'), out var bytes)
            ? bytes
            : throw new StageException($"{name}: blob {digest} is missing");

    /// <summary>index.json and every blob small enough to be a document (layers are skipped unread).</summary>
    private static Dictionary<string, byte[]> ReadSmallMembers(string path)
    {
        const long MaxDocument = 64L << 20;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var tar = new TarReader(stream);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.Length <= MaxDocument && entry.DataStream is { } data)
            {
                using var buffer = new MemoryStream();
                data.CopyTo(buffer);
                files[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
            }
        }
        return files;
    }
}
