using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

// Decoding of xattr sets: id table entry, then key/value pairs (values inline or out of line).
public sealed partial class SquashfsReader
{
    private ImmutableSortedDictionary<string, ImmutableArray<byte>> ReadXattrs(uint index)
    {
        if (index == SquashfsLayout.NoXattr || _superblock.XattrTable == SquashfsLayout.NoTable)
        {
            return FsEntry.NoXattrs;
        }
        var header = XattrTableHeader.Read(_metadata.ReadRaw((long)_superblock.XattrTable, XattrTableHeader.Length));
        var id = XattrIdEntry.Read(_metadata.ReadTableEntry(
            (long)_superblock.XattrTable + XattrTableHeader.Length, index, header.IdCount, XattrIdEntry.Length, "xattr id"));
        if (header.KeyValueStart >= _superblock.BytesUsed || id.Count > MaxXattrs)
        {
            throw new SquashfsException($"damaged image: xattr set {index} ({id.Count} attributes at {header.KeyValueStart}) lies outside the image");
        }
        long kvBlock = (long)header.KeyValueStart + (long)(id.Reference >> 16);
        int kvOffset = (int)(id.Reference & 0xFFFF);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<byte>>(StringComparer.Ordinal);
        for (int i = 0; i < id.Count; i++)
        {
            var key = _metadata.Read(ref kvBlock, ref kvOffset, 4);
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(key);
            string name = XattrPrefix(type & SquashfsLayout.XattrPrefixMask)
                + Encoding.UTF8.GetString(_metadata.Read(ref kvBlock, ref kvOffset, BinaryPrimitives.ReadUInt16LittleEndian(key.AsSpan(2))));
            var value = ReadXattrValue(ref kvBlock, ref kvOffset, (type & SquashfsLayout.XattrOutOfLine) != 0, header.KeyValueStart);
            builder[name] = [.. value];
        }
        return builder.ToImmutable();
    }

    private byte[] ReadXattrValue(ref long block, ref int offset, bool outOfLine, ulong kvStart)
    {
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(_metadata.Read(ref block, ref offset, 4));
        var value = _metadata.Read(ref block, ref offset, size, MaxXattrValue, "xattr value");
        if (!outOfLine)
        {
            return value;
        }
        if (value.Length != 8)
        {
            throw new SquashfsException($"damaged image: an out-of-line xattr reference of {value.Length} bytes");
        }
        ulong reference = BinaryPrimitives.ReadUInt64LittleEndian(value);
        long valueBlock = (long)kvStart + (long)(reference >> 16);
        int valueOffset = (int)(reference & 0xFFFF);
        return ReadXattrValue(ref valueBlock, ref valueOffset, false, kvStart);
    }

    /// <summary>XATTR_SIZE_MAX and XATTR_LIST_MAX: the kernel's limits on one value and on all names of an inode.</summary>
    private const int MaxXattrValue = 65536;
    private const uint MaxXattrs = 65536;

    private static string XattrPrefix(int type) => type switch
    {
        0 => "user.",
        1 => "trusted.",
        2 => "security.",
        _ => throw new SquashfsException($"unknown xattr prefix id {type}"),
    };
}
