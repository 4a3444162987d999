using System.Buffers;

namespace Boxer.Formats.Compression;

/// <summary>A write-only stream into a pooled buffer of fixed capacity, so compressing a block allocates nothing per call.</summary>
internal sealed class SpanSinkStream(int capacity) : Stream
{
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private int _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public int CopyTo(Span<byte> destination)
    {
        Buffer.AsSpan(0, _length).CopyTo(destination);
        return _length;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > Buffer.Length)
        {
            throw new InvalidOperationException("compressed block exceeds its bound");
        }
        buffer.CopyTo(Buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        base.Dispose(disposing);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(SpanSinkStream));
}
