using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Hashing;
using Boxer.Formats.Tar;

namespace Boxer.Targets.Docker.Image;

/// <summary>
/// Writes a tree as one gzip layer blob into a file, hashing the tar (diff ID) and the compressed bytes
/// (blob digest) in the same pass: tar → SHA-256 → parallel gzip members → SHA-256 → file.
/// A registry upload and an OCI blob name need the digest before the bytes, hence the file.
/// </summary>
public static class LayerWriter
{
    private const int FileBufferSize = 1 << 20;

    /// <summary>Writes the layer into <paramref name="file"/> (left open, flushed) and names <paramref name="path"/> as where it is.</summary>
    public static Task<LayerBlob> WriteGzipAsync(
        IReadOnlyRootFs tree, TarWriterOptions options, Stream file, string path, IProgress<long>? progress, CancellationToken cancellationToken) =>
        WriteAsync(tree, options, CodecLibraries.Preferred(BlockCompression.Gzip), file, path, progress, cancellationToken);

    /// <summary>
    /// Writes the layer compressed by <paramref name="library"/>: gzip members, or zstd frames (<c>tar+zstd</c>)
    /// for a zstd library. The blob's bytes depend on the library, which is why the caller names it.
    /// </summary>
    public static async Task<LayerBlob> WriteAsync(
        IReadOnlyRootFs tree, TarWriterOptions options, CodecLibrary library, Stream file, string path, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        bool zstd = library.Algorithm == BlockCompression.Zstd;
        var compressed = new HashingStream(file, leaveOpen: true);
        Stream encoder = zstd
            ? new ZstdFrameStream(compressed, leaveOpen: true, library: library)
            : Codecs.Gzip.CreateStreamEncoder(compressed, leaveOpen: true, library);
        var tar = new HashingStream(new BufferedStream(encoder, FileBufferSize), leaveOpen: false);
        await using (compressed.ConfigureAwait(false))
        await using (encoder.ConfigureAwait(false))
        await using (tar.ConfigureAwait(false))
        {
            var writer = new TarWriter(tar, options);
            await writer.WriteTreeAsync(tree, progress, cancellationToken).ConfigureAwait(false);
            await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
            await tar.FlushAsync(cancellationToken).ConfigureAwait(false);
            await (encoder is ZstdFrameStream frames ? frames.FinishAsync(cancellationToken) : ((Boxer.Formats.Gzip.ParallelGzipStream)encoder).FinishAsync(cancellationToken)).ConfigureAwait(false);
            await compressed.FlushAsync(cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            string mediaType = zstd ? MediaTypes.LayerZstd : MediaTypes.LayerGzip;
            return new LayerBlob(new Descriptor(mediaType, compressed.Digest, compressed.BytesWritten), tar.Digest, path);
        }
    }
}
