using System.Buffers;
using Boxer.Formats.Compression;

namespace Boxer.Targets.Docker.Image;

/// <summary>
/// A write-only zstd encoder for layers: the input cut into 4 MiB chunks, each compressed as one complete zstd
/// frame by the codec registry's block encoder. Concatenated frames are one valid zstd stream (RFC 8878 §3.1),
/// which <c>zstd -d</c>, containerd and skopeo decode whole. Deterministic: the same input gives the same bytes.
/// </summary>
public sealed class ZstdFrameStream(Stream output, bool leaveOpen, int level = ZstdFrameStream.DefaultLevel, CodecLibrary? library = null) : Stream
{
    /// <summary>zstd's own default: fast, and what <c>docker buildx --compression zstd</c> uses.</summary>
    public const int DefaultLevel = 3;

    private const int ChunkSize = 4 << 20;

    private readonly IBlockCodec _codec = Codecs.Zstd.CreateBlockEncoder(level, library);
    private readonly byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _filled;
    private bool _finished;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer[..take].CopyTo(_chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == ChunkSize)
            {
                WriteFrame();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Compresses what is buffered as the last frame; the stream takes no more input.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (!_finished)
        {
            WriteFrame();
            _finished = true;
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Frames are only written whole: a flush waits for the chunk to fill or for <see cref="FinishAsync"/>.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            if (!leaveOpen)
            {
                output.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private void WriteFrame()
    {
        byte[] frame = ArrayPool<byte>.Shared.Rent(_codec.MaxCompressedLength(_filled));
        try
        {
            int length = _codec.Compress(_chunk.AsSpan(0, _filled), frame);
            output.Write(frame, 0, length);
            _filled = 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }
}
