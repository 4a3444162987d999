namespace Boxer.Core.Import.Decoding;

/// <summary>A forward-only stream that can give back bytes it already returned, to peek at what comes next.</summary>
internal sealed class PushbackStream(Stream inner) : Stream
{
    private byte[] _pending = [];
    private int _pendingStart;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes handed out so far (given-back bytes not counted); SharpCompress's xz decoder asks.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public void Unread(ReadOnlySpan<byte> bytes)
    {
        _pending = [.. bytes, .. _pending.AsSpan(_pendingStart)];
        _pendingStart = 0;
        _position -= bytes.Length;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the input ends; returns the count.</summary>
    public int ReadFully(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length && Read(buffer[total..]) is var n and > 0)
        {
            total += n;
        }
        return total;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pendingStart < _pending.Length)
        {
            int n = Math.Min(buffer.Length, _pending.Length - _pendingStart);
            _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
            _pendingStart += n;
            _position += n;
            return n;
        }
        int read = inner.Read(buffer);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
