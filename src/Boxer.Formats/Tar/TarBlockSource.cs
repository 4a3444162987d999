namespace Boxer.Formats.Tar;

/// <summary>
/// The uncompressed tar stream read through one large buffer, counting bytes so every error can name
/// the offset of the header at fault. Ending early raises <see cref="EndOfStreamException"/>, which
/// <see cref="TarReader"/> turns into a message naming the entry. The source does not own the stream.
/// </summary>
/// <param name="stream">The uncompressed tar stream.</param>
/// <param name="cancellationToken">Checked before each refill of the buffer.</param>
public sealed class TarBlockSource(Stream stream, CancellationToken cancellationToken = default)
{
    /// <summary>The size of a tar block: headers and content padding come in these.</summary>
    public const int BlockSize = TarLayout.BlockSize;
    private const int BufferSize = 1 << 20;

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;

    /// <summary>Bytes consumed so far: the offset of the next byte to be read.</summary>
    public long Position { get; private set; }

    /// <summary>True once the underlying stream has reported its end.</summary>
    public bool SawEnd { get; private set; }

    /// <summary>Reads one block; false at a clean end of input (no byte left).</summary>
    internal bool TryReadBlock(Span<byte> block)
    {
        if (!EnsureData())
        {
            return false;
        }
        Read(block);
        return true;
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes.</summary>
    internal void Read(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var chunk = Take(destination.Length);
            chunk.CopyTo(destination);
            destination = destination[chunk.Length..];
        }
    }

    /// <summary>Hands <paramref name="count"/> bytes to <paramref name="sink"/> in chunks, without copying them first.</summary>
    internal void Copy(long count, SpanSink sink)
    {
        while (count > 0)
        {
            var chunk = Take((int)Math.Min(count, int.MaxValue));
            sink(chunk);
            count -= chunk.Length;
        }
    }

    internal void Skip(long count)
    {
        while (count > 0)
        {
            count -= Take((int)Math.Min(count, int.MaxValue)).Length;
        }
    }

    /// <summary>
    /// Reads on for at most <paramref name="limit"/> bytes or to the end, whichever comes first; returns
    /// the offset of the first non-zero byte met, or null. <see cref="SawEnd"/> then tells whether the
    /// stream was read to its end.
    /// </summary>
    public long? FindNonZero(long limit)
    {
        while (limit > 0 && EnsureData())
        {
            var chunk = Take((int)Math.Min(limit, int.MaxValue));
            if (chunk.IndexOfAnyExcept((byte)0) is var at and >= 0)
            {
                return Position - chunk.Length + at;
            }
            limit -= chunk.Length;
        }
        return null;
    }

    private ReadOnlySpan<byte> Take(int max)
    {
        if (!EnsureData())
        {
            throw new EndOfStreamException();
        }
        int n = Math.Min(max, _end - _start);
        var chunk = _buffer.AsSpan(_start, n);
        _start += n;
        Position += n;
        return chunk;
    }

    private bool EnsureData()
    {
        if (_start < _end)
        {
            return true;
        }
        if (SawEnd)
        {
            return false;
        }
        cancellationToken.ThrowIfCancellationRequested();
        _start = 0;
        _end = stream.Read(_buffer);
        SawEnd = _end == 0;
        return _end > 0;
    }
}
