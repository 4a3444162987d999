using Boxer.Abstractions;
using Boxer.Formats.Hashing;
using Boxer.Formats.Tar;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker;

/// <summary>
/// Writes a one-layer image as an archive <c>docker load</c> and skopeo read. Two shapes:
/// <list type="bullet">
/// <item><see cref="WriteOciArchiveAsync"/> — the OCI layout + <c>manifest.json</c> hybrid (read as both
/// <c>oci-archive:</c> and <c>docker-archive:</c>) from a layer already written, e.g. gzip for <c>--out</c>.</item>
/// <item><see cref="WriteStreamingAsync"/> — for the engine: the uncompressed layer is generated straight
/// into the archive in one pass (no temp copy). Its size is known up front because tar headers are
/// deterministic, its digest is taken while it streams, and the config and <c>manifest.json</c> that need
/// the digest follow it: <c>docker load</c> does not care about member order. Blob names cannot hold a
/// digest not yet known, so this shape is the classic docker-archive (<c>layer.tar</c>, <c>&lt;id&gt;.json</c>).</item>
/// </list>
/// </summary>
public static partial class DockerArchiveWriter
{
    private const int OuterBufferSize = 1 << 20;
    private const int FileMode = 0b110_100_100;
    private const int DirectoryMode = 0b111_101_101;
    private const string StreamedLayerName = "layer.tar";
    private const string ManifestJsonName = "manifest.json";
    private const int HexDigestLength = 64;

    /// <summary>The exact size of what <see cref="WriteStreamingAsync"/> writes for this tree and spec.</summary>
    public static long MeasureStreaming(IReadOnlyRootFs tree, ImageSpec spec)
    {
        long layerSize = TarWriter.MeasureTree(tree, spec.LayerOptions);
        // Digests have a fixed length, so documents made from placeholder digests have the real sizes.
        string placeholder = "sha256:" + new string('0', HexDigestLength);
        var documents = ImageDocuments.Create(spec, new LayerBlob(new Descriptor(MediaTypes.Layer, placeholder, layerSize), placeholder));
        long total = 2 * 512;
        foreach (long size in new[] { layerSize, documents.Config.Length, StreamedManifest(spec, documents).Length })
        {
            total += 512 + (size + 511) / 512 * 512;
        }
        return total;
    }

    /// <summary>Writes the engine archive, generating the uncompressed layer into it; returns the image's documents.</summary>
    public static async Task<ImageDocuments> WriteStreamingAsync(
        Stream output, IReadOnlyRootFs tree, ImageSpec spec, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Not disposed: that would close the caller's stream; FinishAsync flushes it.
        var outer = new TarWriter(new BufferedStream(output, OuterBufferSize));
        long layerSize = TarWriter.MeasureTree(tree, spec.LayerOptions);
        string? diffId = null;
        await outer.WriteEntryAsync(Member(StreamedLayerName, layerSize, spec), async (stream, ct) =>
        {
            var hashing = new HashingStream(stream, leaveOpen: true);
            await using (hashing.ConfigureAwait(false))
            {
                var layer = new TarWriter(hashing, spec.LayerOptions);
                await layer.WriteTreeAsync(tree, progress, ct).ConfigureAwait(false);
                await layer.FinishAsync(ct).ConfigureAwait(false);
                diffId = hashing.Digest;
            }
        }, cancellationToken).ConfigureAwait(false);
        var documents = ImageDocuments.Create(spec, new LayerBlob(new Descriptor(MediaTypes.Layer, diffId!, layerSize), diffId!));
        await WriteFileAsync(outer, documents.ConfigDescriptor.Hex + ".json", documents.Config, spec, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(outer, ManifestJsonName, StreamedManifest(spec, documents), spec, cancellationToken).ConfigureAwait(false);
        await outer.FinishAsync(cancellationToken).ConfigureAwait(false);
        return documents;
    }

    /// <summary>
    /// Writes the OCI layout + <c>manifest.json</c> hybrid around a layer blob already in a file; with a
    /// <paramref name="referrer"/> (the SBOM), its blobs too, and <c>index.json</c> lists it after the image.
    /// </summary>
    public static async Task<ImageDocuments> WriteOciArchiveAsync(
        Stream output, LayerBlob layer, ImageSpec spec, CancellationToken cancellationToken, SbomReferrer? referrer = null)
    {
        var documents = ImageDocuments.Create(spec, layer);
        var outer = new TarWriter(new BufferedStream(output, OuterBufferSize));
        await outer.WriteEntryAsync(Directory("blobs", spec), cancellationToken).ConfigureAwait(false);
        await outer.WriteEntryAsync(Directory("blobs/sha256", spec), cancellationToken).ConfigureAwait(false);
        var layerFile = File.OpenRead(layer.FilePath ?? throw new ArgumentException("the layer blob has no file", nameof(layer)));
        await using (layerFile.ConfigureAwait(false))
        {
            await outer.WriteEntryAsync(Member(BlobPath(layer.Descriptor), layer.Descriptor.Size, spec), layerFile, cancellationToken).ConfigureAwait(false);
        }
        await WriteFileAsync(outer, BlobPath(documents.ConfigDescriptor), documents.Config, spec, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(outer, BlobPath(documents.ManifestDescriptor), documents.Manifest, spec, cancellationToken).ConfigureAwait(false);
        byte[] index = ManifestJson.Index(documents.ManifestDescriptor, spec.RepoTags.FirstOrDefault());
        if (referrer is not null)
        {
            await WriteReferrerBlobsAsync(outer, referrer, spec, cancellationToken).ConfigureAwait(false);
            index = referrer.AddTo(index);
        }
        await WriteFileAsync(outer, "index.json", index, spec, cancellationToken).ConfigureAwait(false);
        byte[] dockerManifest = ManifestJson.DockerManifest(BlobPath(documents.ConfigDescriptor), spec.RepoTags, BlobPath(layer.Descriptor));
        await WriteFileAsync(outer, ManifestJsonName, dockerManifest, spec, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(outer, "oci-layout", ManifestJson.Layout(), spec, cancellationToken).ConfigureAwait(false);
        await outer.FinishAsync(cancellationToken).ConfigureAwait(false);
        return documents;
    }

    private static async Task WriteReferrerBlobsAsync(TarWriter outer, SbomReferrer referrer, ImageSpec spec, CancellationToken cancellationToken)
    {
        await WriteFileAsync(outer, BlobPath(SbomReferrer.EmptyConfigDescriptor), SbomReferrer.EmptyConfig, spec, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(outer, BlobPath(referrer.Document), referrer.Content, spec, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(outer, BlobPath(referrer.ManifestDescriptor.Descriptor), referrer.Manifest, spec, cancellationToken).ConfigureAwait(false);
    }

    private static string BlobPath(Descriptor descriptor) => "blobs/sha256/" + descriptor.Hex;

    private static byte[] StreamedManifest(ImageSpec spec, ImageDocuments documents) =>
        ManifestJson.DockerManifest(documents.ConfigDescriptor.Hex + ".json", spec.RepoTags, StreamedLayerName);

    private static async Task WriteFileAsync(TarWriter outer, string name, byte[] content, ImageSpec spec, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await outer.WriteEntryAsync(Member(name, content.Length, spec), stream, cancellationToken).ConfigureAwait(false);
    }

    private static FsEntry Member(string name, long size, ImageSpec spec) => new()
    {
        Path = name,
        Kind = EntryKind.File,
        Mode = FileMode,
        Size = size,
        ModifiedTime = UnixTime.FromDateTimeOffset(spec.Created),
    };

    private static FsEntry Directory(string name, ImageSpec spec) =>
        Member(name, 0, spec) with { Kind = EntryKind.Directory, Mode = DirectoryMode };
}
