using System.Buffers.Binary;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Reads metadata streams (tables of 8 KiB blocks behind 2-byte headers) from an image, caching decoded blocks.
/// Every read is checked against the image's length first, so a damaged offset or length is a
/// <see cref="SquashfsException"/> and never an allocation larger than the image.
/// </summary>
internal sealed class MetadataReader(Stream image, long imageStart, long imageLength, IBlockCodec codec)
{
    private readonly Dictionary<long, (byte[] Data, long Next)> _cache = [];

    /// <summary>The bytes available from the image's start to the end of the stream.</summary>
    public long ImageLength => imageLength;

    /// <summary>Reads <paramref name="destination"/>.Length bytes starting at block <paramref name="block"/> (image offset), <paramref name="offset"/>; advances both.</summary>
    public void Read(ref long block, ref int offset, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var (data, next) = Block(block);
            if (offset >= data.Length)
            {
                block = next;
                offset -= data.Length;
                continue;
            }
            int n = Math.Min(destination.Length, data.Length - offset);
            data.AsSpan(offset, n).CopyTo(destination);
            destination = destination[n..];
            offset += n;
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes of a metadata stream; the length must be at most <paramref name="limit"/>.</summary>
    public byte[] Read(ref long block, ref int offset, long length, long limit, string what)
    {
        if (length < 0 || length > limit)
        {
            throw new SquashfsException($"damaged image: {what} of {length} bytes (at most {limit})");
        }
        var bytes = new byte[length];
        Read(ref block, ref offset, bytes);
        return bytes;
    }

    public byte[] Read(ref long block, ref int offset, int length) => Read(ref block, ref offset, length, SquashfsLayout.MetadataBlockSize, "metadata record");

    /// <summary>
    /// Reads a whole lookup table whose block offsets are listed at <paramref name="indexOffset"/>. Each block
    /// must hold exactly its share of <paramref name="length"/>, so a count that disagrees with the table is caught.
    /// </summary>
    public byte[] ReadTable(long indexOffset, int length, string what)
    {
        int blocks = (length + SquashfsLayout.MetadataBlockSize - 1) / SquashfsLayout.MetadataBlockSize;
        var pointers = ReadRaw(indexOffset, blocks * 8);
        var result = new byte[length];
        for (int i = 0; i < blocks; i++)
        {
            int at = i * SquashfsLayout.MetadataBlockSize;
            var data = TableBlock(pointers.AsSpan(i * 8), Math.Min(SquashfsLayout.MetadataBlockSize, length - at), what);
            data.CopyTo(result.AsSpan(at));
        }
        return result;
    }

    /// <summary>Reads entry <paramref name="index"/> of a lookup table of <paramref name="count"/> entries without reading the rest.</summary>
    public ReadOnlySpan<byte> ReadTableEntry(long indexOffset, uint index, uint count, int entrySize, string what)
    {
        if (index >= count)
        {
            throw new SquashfsException($"damaged image: {what} {index} does not exist (the table has {count})");
        }
        int perBlock = SquashfsLayout.MetadataBlockSize / entrySize;
        long blockNumber = index / perBlock;
        var pointer = ReadRaw(indexOffset + blockNumber * 8, 8);
        long remaining = ((long)count - blockNumber * perBlock) * entrySize;
        var data = TableBlock(pointer, (int)Math.Min(SquashfsLayout.MetadataBlockSize, remaining), what);
        return data.AsSpan((int)(index % perBlock) * entrySize, entrySize);
    }

    private byte[] TableBlock(ReadOnlySpan<byte> pointer, int expected, string what)
    {
        long position = ReadPointer(pointer, what + " block");
        var (data, _) = Block(position);
        if (data.Length != expected)
        {
            throw new SquashfsException($"damaged image: {what} block at offset {position} holds {data.Length} bytes, the superblock's count needs {expected}");
        }
        return data;
    }

    /// <summary>Reads an 8-byte image offset and checks that it lies inside the image.</summary>
    public long ReadPointer(ReadOnlySpan<byte> field, string what)
    {
        ulong pointer = BinaryPrimitives.ReadUInt64LittleEndian(field);
        if (pointer >= (ulong)imageLength)
        {
            throw new SquashfsException($"damaged image: {what} at offset {pointer}, past the end of the image ({imageLength} bytes)");
        }
        return (long)pointer;
    }

    public byte[] ReadRaw(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset > imageLength - length)
        {
            throw new SquashfsException(
                $"damaged image: {length} bytes at offset {(ulong)offset} lie past the end of the image ({imageLength} bytes)");
        }
        var bytes = new byte[length];
        lock (image)
        {
            image.Position = imageStart + offset;
            image.ReadExactly(bytes);
        }
        return bytes;
    }

    /// <summary>Decodes one compressed block into <paramref name="destination"/>; a stream that does not decode is a damaged image.</summary>
    public int Decompress(byte[] stored, Span<byte> destination, long position)
    {
        try
        {
            return codec.Decompress(stored, destination);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SquashfsException($"damaged image: the block at offset {position} does not decompress ({e.Message})", e);
        }
    }

    private (byte[] Data, long Next) Block(long position)
    {
        if (_cache.TryGetValue(position, out var cached))
        {
            return cached;
        }
        ushort header = BinaryPrimitives.ReadUInt16LittleEndian(ReadRaw(position, SquashfsLayout.MetadataHeaderSize));
        int stored = header & ~SquashfsLayout.MetadataUncompressedBit;
        if (stored is 0 or > SquashfsLayout.MetadataBlockSize)
        {
            throw new SquashfsException($"damaged image: metadata block at offset {position} claims {stored} bytes");
        }
        byte[] raw = ReadRaw(position + SquashfsLayout.MetadataHeaderSize, stored);
        byte[] data;
        if ((header & SquashfsLayout.MetadataUncompressedBit) != 0)
        {
            data = raw;
        }
        else
        {
            var buffer = new byte[SquashfsLayout.MetadataBlockSize];
            int n = Decompress(raw, buffer, position);
            data = buffer[..n];
        }
        if (data.Length == 0)
        {
            throw new SquashfsException($"damaged image: metadata block at offset {position} is empty");
        }
        var entry = (data, position + SquashfsLayout.MetadataHeaderSize + stored);
        _cache[position] = entry;
        return entry;
    }
}
