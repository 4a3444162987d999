using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Collects xattr sets: each distinct set's key/value pairs are written once (values inline) and every
/// inode carrying that set stores the same 32-bit index. Only the <c>user.</c>, <c>trusted.</c> and
/// <c>security.</c> namespaces exist in squashfs; other names are skipped and reported.
/// </summary>
internal sealed class XattrTableWriter(IBlockCodec codec)
{
    private static readonly (string Prefix, ushort Type)[] Prefixes =
        [("user.", 0), ("trusted.", 1), ("security.", 2)];

    private readonly MetadataWriter _pairs = new(codec);
    private readonly Dictionary<string, uint> _indexes = new(StringComparer.Ordinal);
    private readonly List<XattrIdEntry> _ids = [];

    public int Count => _ids.Count;

    public uint Add(ImmutableSortedDictionary<string, ImmutableArray<byte>> xattrs, string path, ICollection<string> warnings)
    {
        using var set = new MemoryStream();
        uint count = 0;
        foreach (var (name, value) in xattrs)
        {
            var prefix = Array.Find(Prefixes, p => name.StartsWith(p.Prefix, StringComparison.Ordinal) && name.Length > p.Prefix.Length);
            if (prefix.Prefix is null)
            {
                warnings.Add($"xattr '{name}' of '{path}' skipped: squashfs stores only user.*, trusted.* and security.*");
                continue;
            }
            WritePair(set, prefix.Type, Encoding.UTF8.GetBytes(name[prefix.Prefix.Length..]), value.AsSpan());
            count++;
        }
        if (count == 0)
        {
            return SquashfsLayout.NoXattr;
        }
        string key = Convert.ToBase64String(set.GetBuffer(), 0, (int)set.Length);
        if (_indexes.TryGetValue(key, out uint index))
        {
            return index;
        }
        index = (uint)_ids.Count;
        _ids.Add(new XattrIdEntry(_pairs.NextReference, count, (uint)set.Length));
        _pairs.Append(set.GetBuffer().AsSpan(0, (int)set.Length));
        _indexes.Add(key, index);
        return index;
    }

    /// <summary>Writes pairs, id entries and the header; returns the header's image offset.</summary>
    public long Write(Stream output, long imageStart)
    {
        long pairsStart = output.Position - imageStart;
        _pairs.Finish(output);
        var entries = new byte[_ids.Count * XattrIdEntry.Length];
        for (int i = 0; i < _ids.Count; i++)
        {
            _ids[i].Write(entries.AsSpan(i * XattrIdEntry.Length));
        }
        var header = new XattrTableHeader((ulong)pairsStart, (uint)_ids.Count);
        return LookupTableWriter.Write(output, imageStart, entries, codec, header);
    }

    private static void WritePair(MemoryStream set, ushort type, byte[] name, ReadOnlySpan<byte> value)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(field, type);
        BinaryPrimitives.WriteUInt16LittleEndian(field[2..], (ushort)name.Length);
        set.Write(field);
        set.Write(name);
        BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)value.Length);
        set.Write(field);
        set.Write(value);
    }
}
