using System.IO.Compression;
using System.IO.Pipelines;
using Boxer.Formats.Compression;
using Boxer.Formats.Tar;
using SharpCompress.Compressors.BZip2;
using ZstdSharp;
using SharpCompressionMode = SharpCompress.Compressors.CompressionMode;

namespace Boxer.Core.Import.Decoding;

/// <summary>
/// Decompresses in this process when no native tool is available. The decoder runs as a producer task
/// filling a pipe while the tar consumer reads it on its own thread, so the two overlap on two cores.
/// </summary>
/// <remarks>
/// Which codec a stage3 uses, its magic and its native tool come from the one registry
/// (<see cref="Codecs"/> in Boxer.Formats); only the managed streams live here. They stay out of the packed
/// Formats package on purpose: xz, bzip2 and lzip decoding needs SharpCompress, which no target writes with,
/// and every plugin that references Boxer.Formats would otherwise ship it.
/// </remarks>
internal static class ManagedDecoder
{
    private const long PauseWriterBytes = 16 << 20;
    private const int ChunkBytes = 1 << 16;
    private const int InputBufferBytes = 1 << 20;

    public static async Task RunAsync(DecodeRequest request, Action<TarBlockSource> consume, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: PauseWriterBytes, resumeWriterThreshold: PauseWriterBytes / 2, useSynchronizationContext: false));
        var producer = Task.Run(() => ProduceAsync(request, pipe.Writer, cancellationToken), CancellationToken.None);
        try
        {
            await Task.Factory.StartNew(
                () => consume(new TarBlockSource(pipe.Reader.AsStream(), cancellationToken)),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>The managed decompressing stream for the registry's codec; the input is buffered because managed decoders read it in small pieces.</summary>
    public static Stream Open(DecodeRequest request, Stream input) => request.Codec switch
    {
        var c when c == Codecs.Gzip => new GZipStream(input, CompressionMode.Decompress, leaveOpen: true),
        var c when c == Codecs.Xz => new ConcatenatedXzStream(input),
        var c when c == Codecs.Bzip2 => BZip2Stream.Create(input, SharpCompressionMode.Decompress,
            decompressConcatenated: true, leaveOpen: true, tolerateTruncatedStream: false),
        var c when c == Codecs.Zstd => new DecompressionStream(input, leaveOpen: true),
        var c when c == Codecs.Lzip => new LzipMembersStream(input, LzipMembersStream.MemberSizes(request.File)),
        _ => input,
    };

    private static async Task ProduceAsync(DecodeRequest request, PipeWriter writer, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            // Not disposed: that would dispose the hashing input, whose hash is read after decoding.
            var buffered = new BufferedStream(request.Input, InputBufferBytes);
            await using var decoded = Open(request, buffered);
            // Synchronous reads in large chunks: the decoders are synchronous, and their ReadAsync would
            // hop through the thread pool for every small piece.
            while (true)
            {
                int n = decoded.Read(writer.GetSpan(ChunkBytes));
                if (n == 0)
                {
                    break;
                }
                writer.Advance(n);
                var flushed = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException e)
        {
            error = e;
        }
        catch (Exception e) when (e is not StageException)
        {
            error = new StageException(
                $"the {request.Name} data is corrupt or truncated near compressed byte {request.Input.BytesRead}: {e.Message}", null, null, e);
        }
        await writer.CompleteAsync(error).ConfigureAwait(false);
    }
}
