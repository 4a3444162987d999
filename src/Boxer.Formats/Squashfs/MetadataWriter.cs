using System.Buffers;
using System.Buffers.Binary;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Collects a metadata stream (inode table, directory table, a lookup table) and cuts it into 8 KiB blocks,
/// each stored behind a 2-byte header: compressed when that is smaller, else raw with bit 15 set. A block is
/// compressed as soon as it is full, so the on-disk start of the block being filled is always known and
/// references to any position written so far can be handed out.
/// </summary>
internal sealed class MetadataWriter(IBlockCodec codec)
{
    private readonly MemoryStream _output = new();
    private readonly byte[] _pending = new byte[SquashfsLayout.MetadataBlockSize];
    private int _pendingLength;
    private readonly List<long> _blockStarts = [0];
    private long _flushedLength;

    /// <summary>Uncompressed bytes appended so far.</summary>
    public long Position => _flushedLength + _pendingLength;

    /// <summary>The on-disk offset (relative to the table start) of the block now being filled.</summary>
    public long CurrentBlockStart => _output.Length;

    /// <summary>The compressed bytes of every finished block.</summary>
    public long CompressedLength => _output.Length;

    /// <summary>A squashfs reference (block start &lt;&lt; 16 | offset) to the next byte to be appended.</summary>
    public ulong NextReference => ((ulong)CurrentBlockStart << 16) | (uint)_pendingLength;

    /// <summary>The offset within its uncompressed block of the next byte to be appended.</summary>
    public int CurrentOffset => _pendingLength;

    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, _pending.Length - _pendingLength);
            data[..n].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += n;
            data = data[n..];
            if (_pendingLength == _pending.Length)
            {
                FlushBlock();
            }
        }
    }

    /// <summary>Writes out a final partial block and copies all blocks to <paramref name="destination"/>.</summary>
    public void Finish(Stream destination)
    {
        Seal();
        _output.Position = 0;
        _output.CopyTo(destination);
    }

    /// <summary>The on-disk start (relative to the table) of the block holding an uncompressed position already appended.</summary>
    public long BlockStartOf(long position) => _blockStarts[(int)(position / SquashfsLayout.MetadataBlockSize)];

    /// <summary>A reference (block start &lt;&lt; 16 | offset) to an uncompressed position already appended.</summary>
    public ulong ReferenceOf(long position) =>
        ((ulong)BlockStartOf(position) << 16) | (uint)(position % SquashfsLayout.MetadataBlockSize);

    /// <summary>Writes out a final partial block (so the table can be measured before it is copied).</summary>
    public void Seal()
    {
        if (_pendingLength > 0)
        {
            FlushBlock();
        }
    }

    private void FlushBlock()
    {
        var input = _pending.AsSpan(0, _pendingLength);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(codec.MaxCompressedLength(input.Length));
        try
        {
            int n = codec.Compress(input, scratch);
            Span<byte> header = stackalloc byte[SquashfsLayout.MetadataHeaderSize];
            if (n < input.Length)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)n);
                _output.Write(header);
                _output.Write(scratch, 0, n);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(input.Length | SquashfsLayout.MetadataUncompressedBit));
                _output.Write(header);
                _output.Write(input);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        _flushedLength += _pendingLength;
        _pendingLength = 0;
        _blockStarts.Add(_output.Length);
    }
}
