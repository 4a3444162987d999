using System.Buffers.Binary;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Writes a lookup table (fragments, ids, export, xattr ids): its entries as metadata blocks, then the
/// uncompressed array of those blocks' image offsets, which is what the superblock points at.
/// </summary>
internal static class LookupTableWriter
{
    public static long Write(Stream output, long imageStart, ReadOnlySpan<byte> entries, IBlockCodec codec, XattrTableHeader? header = null)
    {
        var blockOffsets = new List<long>();
        for (int at = 0; at < entries.Length; at += SquashfsLayout.MetadataBlockSize)
        {
            blockOffsets.Add(output.Position - imageStart);
            var block = new MetadataWriter(codec);
            block.Append(entries.Slice(at, Math.Min(SquashfsLayout.MetadataBlockSize, entries.Length - at)));
            block.Finish(output);
        }
        long tableStart = output.Position - imageStart;
        if (header is { } h)
        {
            Span<byte> raw = stackalloc byte[XattrTableHeader.Length];
            h.Write(raw);
            output.Write(raw);
        }
        Span<byte> pointer = stackalloc byte[8];
        foreach (long offset in blockOffsets)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(pointer, (ulong)offset);
            output.Write(pointer);
        }
        return tableStart;
    }
}
