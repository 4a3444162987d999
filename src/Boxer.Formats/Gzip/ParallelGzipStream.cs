using System.Buffers;
using System.IO.Compression;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Gzip;

/// <summary>
/// A write-only stream that gzips its input as a series of independent members (RFC 1952 allows any
/// number; <c>gzip -d</c>, zlib and Go's reader concatenate them), each compressed on its own core. At most
/// twice <see cref="ParallelGzipOptions.Parallelism"/> chunks are in flight, and members are written in input
/// order, so the output is the same bytes whatever the core count. Each member's header has mtime 0 and the
/// OS byte fixed to 3 (Unix), so nothing of the host leaks in. Call <see cref="FinishAsync"/> to write the
/// last member; disposing without it abandons the output (as after an error) and writes nothing more.
/// </summary>
public sealed class ParallelGzipStream : Stream
{
    private const int OsByteOffset = 9;
    private const byte OsUnix = 3;

    /// <summary>A member holding nothing: header, an empty final deflate block, CRC 0, length 0.</summary>
    private static readonly byte[] EmptyMember = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, OsUnix, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ParallelGzipOptions _options;
    private readonly Queue<Task<byte[]>> _inFlight = new();
    private byte[] _chunk;
    private int _filled;
    private bool _anyMember;
    private bool _finished;

    /// <summary>Compresses into <paramref name="output"/>.</summary>
    public ParallelGzipStream(Stream output, ParallelGzipOptions? options = null, bool leaveOpen = false)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _options = options ?? ParallelGzipOptions.Default;
        _chunk = ArrayPool<byte>.Shared.Rent(_options.ChunkSize);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            int take = Math.Min(buffer.Length, _options.ChunkSize - _filled);
            buffer[..take].CopyTo(_chunk.AsMemory(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == _options.ChunkSize)
            {
                await DispatchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Compresses what is left, writes every pending member and flushes the output.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return;
        }
        if (_filled > 0 || !_anyMember)
        {
            await DispatchAsync(cancellationToken).ConfigureAwait(false);
        }
        while (_inFlight.Count > 0)
        {
            await WriteOldestAsync(cancellationToken).ConfigureAwait(false);
        }
        _finished = true;
        ArrayPool<byte>.Shared.Return(_chunk);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes only what is already compressed: chunk boundaries never depend on flushes.</summary>
    public override void Flush() => _output.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        Abandon();
        if (!_leaveOpen)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Abandon();
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private void Abandon()
    {
        if (_finished)
        {
            return;
        }
        _finished = true;
        foreach (var pending in _inFlight)
        {
            // Let each compression finish so its pooled buffer is returned; its result is dropped.
            ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
        }
        _inFlight.Clear();
        ArrayPool<byte>.Shared.Return(_chunk);
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        byte[] chunk = _chunk;
        int length = _filled;
        var level = _options.Level;
        bool libdeflate = _options.Library == CodecLibraries.Libdeflate;
        _inFlight.Enqueue(Task.Run(() => Compress(chunk, length, level, libdeflate), cancellationToken));
        _anyMember = true;
        _chunk = ArrayPool<byte>.Shared.Rent(_options.ChunkSize);
        _filled = 0;
        while (_inFlight.Count >= 2 * Math.Max(1, _options.Parallelism))
        {
            await WriteOldestAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteOldestAsync(CancellationToken cancellationToken)
    {
        byte[] member = await _inFlight.Dequeue().ConfigureAwait(false);
        await _output.WriteAsync(member, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Compress(byte[] chunk, int length, CompressionLevel level, bool libdeflate)
    {
        try
        {
            if (length == 0)
            {
                return EmptyMember;
            }
            if (libdeflate && DeflateLevel(level) is int deflateLevel)
            {
                return LibdeflateBlockCodec.CompressGzipMember(chunk.AsSpan(0, length), deflateLevel, OsUnix);
            }
            var member = new MemoryStream(length / 2 + 64);
            using (var gzip = new GZipStream(member, level, leaveOpen: true))
            {
                gzip.Write(chunk, 0, length);
            }
            byte[] bytes = member.ToArray();
            bytes[OsByteOffset] = OsUnix;
            return bytes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>zlib's level for each <see cref="CompressionLevel"/>; null (stored blocks) stays with zlib-ng.</summary>
    private static int? DeflateLevel(CompressionLevel level) => level switch
    {
        CompressionLevel.Fastest => 1,
        CompressionLevel.Optimal => 6,
        CompressionLevel.SmallestSize => 9,
        _ => null,
    };
}
