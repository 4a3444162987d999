using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using SharpCompress.Compressors;
using SharpCompress.Compressors.LZMA;

namespace Boxer.Core.Import.Decoding;

/// <summary>
/// Decodes every member of a multi-member .lz file (plzip writes them). SharpCompress's LZipStream reads
/// past the end of its member, so each member is given a window of exactly its size, found by walking the
/// member trailers back from the end of the file (the last 8 bytes of a member hold its size).
/// </summary>
internal sealed class LzipMembersStream(Stream compressed, IReadOnlyList<long> memberSizes) : Stream
{
    private const int TrailerSizeField = 8;
    private const int MinMemberSize = 36;

    private int _next;
    private WindowStream? _window;
    private Stream? _decoder;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The member sizes in file order; the whole file as one member when the trailers do not add up.</summary>
    public static IReadOnlyList<long> MemberSizes(SafeFileHandle file)
    {
        long length = RandomAccess.GetLength(file);
        var sizes = new List<long>();
        Span<byte> field = stackalloc byte[8];
        long end = length;
        while (end > 0)
        {
            if (end < MinMemberSize || RandomAccess.Read(file, field, end - TrailerSizeField) < TrailerSizeField)
            {
                return [length];
            }
            long size = BinaryPrimitives.ReadInt64LittleEndian(field);
            if (size < MinMemberSize || size > end || RandomAccess.Read(file, field[..4], end - size) < 4
                || !field[..4].SequenceEqual("LZIP"u8))
            {
                return [length];
            }
            sizes.Add(size);
            end -= size;
        }
        sizes.Reverse();
        return sizes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_decoder is null)
            {
                if (_next >= memberSizes.Count)
                {
                    return 0;
                }
                _window = new WindowStream(compressed, memberSizes[_next++]);
                _decoder = LZipStream.Create(_window, CompressionMode.Decompress, leaveOpen: true);
            }
            int n = _decoder.Read(buffer);
            if (n > 0)
            {
                return n;
            }
            _window!.Exhaust();
            _decoder = null;
        }
        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
