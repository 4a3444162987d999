using SharpCompress.Compressors.Xz;

namespace Boxer.Core.Import.Decoding;

/// <summary>
/// Decodes every stream of a concatenated .xz file (<c>cat a.xz b.xz</c>, or pixz/parallel writers), with
/// the zero padding the format allows between streams. SharpCompress's <see cref="XZStream"/> stops after
/// the first stream but reads exactly up to its end, so the next one can be started where it left off.
/// </summary>
internal sealed class ConcatenatedXzStream(Stream compressed) : Stream
{
    private const int PaddingUnit = 4;

    private readonly PushbackStream _input = new(compressed);
    private XZStream? _current;
    private bool _done;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_done && !buffer.IsEmpty)
        {
            _current ??= new XZStream(_input);
            int n = _current.Read(buffer);
            if (n > 0)
            {
                return n;
            }
            _current = null;
            _done = !SkipPaddingToNextStream();
        }
        return 0;
    }

    /// <summary>Skips stream padding; true when another stream follows.</summary>
    private bool SkipPaddingToNextStream()
    {
        Span<byte> unit = stackalloc byte[PaddingUnit];
        while (true)
        {
            int n = _input.ReadFully(unit);
            if (n == 0)
            {
                return false;
            }
            if (n < PaddingUnit || unit.ContainsAnyExcept((byte)0))
            {
                _input.Unread(unit[..n]);
                return true;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
