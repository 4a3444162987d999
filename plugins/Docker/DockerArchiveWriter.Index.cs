using Boxer.Formats.Tar;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker;

/// <summary>The multi-platform shape: an OCI layout whose <c>index.json</c> names the image index.</summary>
public static partial class DockerArchiveWriter
{
    /// <summary>
    /// Writes an OCI layout holding every platform's blobs and <paramref name="index"/> (named by the tag in
    /// <c>index.json</c>), plus a <c>manifest.json</c> holding only <paramref name="loadable"/>, the engine
    /// platform's image, so that <c>docker load</c> of an engine without OCI index support (20.10) loads that one.
    /// </summary>
    public static async Task WriteIndexArchiveAsync(
        Stream output, ImageIndex index, PlatformImage? loadable, ImageSpec spec, CancellationToken cancellationToken)
    {
        var outer = new TarWriter(new BufferedStream(output, OuterBufferSize));
        await outer.WriteEntryAsync(Directory("blobs", spec), cancellationToken).ConfigureAwait(false);
        await outer.WriteEntryAsync(Directory("blobs/sha256", spec), cancellationToken).ConfigureAwait(false);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var documents in index.Images.Select(i => i.Documents))
        {
            // Two platforms may share a blob (an identical empty layer): a layout holds each digest once.
            if (written.Add(documents.Layer.Descriptor.Digest))
            {
                var layerFile = File.OpenRead(documents.Layer.FilePath ?? throw new ArgumentException("a layer blob has no file", nameof(index)));
                await using (layerFile.ConfigureAwait(false))
                {
                    await outer.WriteEntryAsync(Member(BlobPath(documents.Layer.Descriptor), documents.Layer.Descriptor.Size, spec), layerFile, cancellationToken).ConfigureAwait(false);
                }
            }
            foreach (var (descriptor, bytes) in new[] { (documents.ConfigDescriptor, documents.Config), (documents.ManifestDescriptor, documents.Manifest) })
            {
                if (written.Add(descriptor.Digest))
                {
                    await WriteFileAsync(outer, BlobPath(descriptor), bytes, spec, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        await WriteFileAsync(outer, BlobPath(index.Descriptor), index.Bytes, spec, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(outer, "index.json", ManifestJson.Index(index.Descriptor, spec.RepoTags.FirstOrDefault()), spec, cancellationToken).ConfigureAwait(false);
        if (loadable is not null)
        {
            var image = loadable.Documents;
            byte[] dockerManifest = ManifestJson.DockerManifest(BlobPath(image.ConfigDescriptor), spec.RepoTags, BlobPath(image.Layer.Descriptor));
            await WriteFileAsync(outer, ManifestJsonName, dockerManifest, spec, cancellationToken).ConfigureAwait(false);
        }
        await WriteFileAsync(outer, "oci-layout", ManifestJson.Layout(), spec, cancellationToken).ConfigureAwait(false);
        await outer.FinishAsync(cancellationToken).ConfigureAwait(false);
    }
}
