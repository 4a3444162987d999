using System.Buffers.Binary;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>Reads metadata streams (tables of 8 KiB blocks behind 2-byte headers) from an image, caching decoded blocks.</summary>
internal sealed class MetadataReader(Stream image, long imageStart, IBlockCodec codec)
{
    private readonly Dictionary<long, (byte[] Data, long Next)> _cache = [];

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

    public byte[] Read(ref long block, ref int offset, int length)
    {
        var bytes = new byte[length];
        Read(ref block, ref offset, bytes);
        return bytes;
    }

    /// <summary>Reads a whole lookup table whose block offsets are listed at <paramref name="indexOffset"/>.</summary>
    public byte[] ReadTable(long indexOffset, int length)
    {
        var result = new byte[length];
        int blocks = (length + SquashfsLayout.MetadataBlockSize - 1) / SquashfsLayout.MetadataBlockSize;
        var pointers = ReadRaw(indexOffset, blocks * 8);
        for (int i = 0; i < blocks; i++)
        {
            long block = (long)BinaryPrimitives.ReadUInt64LittleEndian(pointers.AsSpan(i * 8));
            int offset = 0;
            int at = i * SquashfsLayout.MetadataBlockSize;
            Read(ref block, ref offset, result.AsSpan(at, Math.Min(SquashfsLayout.MetadataBlockSize, length - at)));
        }
        return result;
    }

    public byte[] ReadRaw(long offset, int length)
    {
        var bytes = new byte[length];
        lock (image)
        {
            image.Position = imageStart + offset;
            image.ReadExactly(bytes);
        }
        return bytes;
    }

    private (byte[] Data, long Next) Block(long position)
    {
        if (_cache.TryGetValue(position, out var cached))
        {
            return cached;
        }
        ushort header = BinaryPrimitives.ReadUInt16LittleEndian(ReadRaw(position, SquashfsLayout.MetadataHeaderSize));
        int stored = header & ~SquashfsLayout.MetadataUncompressedBit;
        byte[] raw = ReadRaw(position + SquashfsLayout.MetadataHeaderSize, stored);
        byte[] data;
        if ((header & SquashfsLayout.MetadataUncompressedBit) != 0)
        {
            data = raw;
        }
        else
        {
            var buffer = new byte[SquashfsLayout.MetadataBlockSize];
            int n = codec.Decompress(raw, buffer);
            data = buffer[..n];
        }
        var entry = (data, position + SquashfsLayout.MetadataHeaderSize + stored);
        _cache[position] = entry;
        return entry;
    }
}
