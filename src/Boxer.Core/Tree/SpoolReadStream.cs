namespace Boxer.Core.Tree;

/// <summary>A read-only, seekable window on one file's bytes in the spool; holds a spool reference until disposed.</summary>
internal sealed class SpoolReadStream : Stream
{
    private readonly ContentSpool _spool;
    private readonly long _start;
    private readonly long _length;
    private long _position;
    private bool _disposed;

    public SpoolReadStream(ContentSpool spool, long start, long length)
    {
        spool.AddReference();
        _spool = spool;
        _start = start;
        _length = length;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long left = _length - _position;
        if (left <= 0 || buffer.IsEmpty)
        {
            return 0;
        }
        if (buffer.Length > left)
        {
            buffer = buffer[..(int)left];
        }
        int n = _spool.Read(_start + _position, buffer);
        if (n == 0)
        {
            throw new EndOfStreamException("the content spool ended early");
        }
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            _spool.Release();
        }
        base.Dispose(disposing);
    }
}
