using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>Everything written after the data, gathered for <see cref="TableSetWriter"/>.</summary>
internal sealed record TableSet(
    InodeTableWriter Inodes, IReadOnlyList<FragmentEntry> Fragments, WriterTree Tree, IdTable Ids, XattrTableWriter Xattrs, bool Exportable);

/// <summary>The image offsets of the tables, for the superblock.</summary>
internal readonly record struct TableOffsets(ulong Inodes, ulong Directories, ulong Fragments, ulong Export, ulong Ids, ulong Xattrs);

/// <summary>Writes the tables after the data in mksquashfs's order: inodes, directories, fragments, export, ids, xattrs.</summary>
internal static class TableSetWriter
{
    public static TableOffsets Write(Stream output, long imageStart, IBlockCodec codec, TableSet set)
    {
        ulong inodes = Here(output, imageStart);
        set.Inodes.Inodes.Finish(output);
        ulong directories = Here(output, imageStart);
        set.Inodes.Directories.Finish(output);

        var fragmentBytes = new byte[set.Fragments.Count * FragmentEntry.Length];
        for (int i = 0; i < set.Fragments.Count; i++)
        {
            set.Fragments[i].Write(fragmentBytes.AsSpan(i * FragmentEntry.Length));
        }
        ulong fragments = set.Fragments.Count == 0
            ? SquashfsLayout.NoTable
            : (ulong)LookupTableWriter.Write(output, imageStart, fragmentBytes, codec);

        ulong export = set.Exportable ? (ulong)LookupTableWriter.Write(output, imageStart, ExportEntries(set.Tree), codec) : SquashfsLayout.NoTable;

        var idBytes = new byte[set.Ids.Ids.Count * SquashfsLayout.IdEntrySize];
        for (int i = 0; i < set.Ids.Ids.Count; i++)
        {
            InodeFields.WriteUInt32(idBytes.AsSpan(i * SquashfsLayout.IdEntrySize), set.Ids.Ids[i]);
        }
        ulong ids = (ulong)LookupTableWriter.Write(output, imageStart, idBytes, codec);
        ulong xattrs = set.Xattrs.Count == 0 ? SquashfsLayout.NoTable : (ulong)set.Xattrs.Write(output, imageStart);
        return new TableOffsets(inodes, directories, fragments, export, ids, xattrs);
    }

    private static ulong Here(Stream output, long imageStart) => (ulong)(output.Position - imageStart);

    private static byte[] ExportEntries(WriterTree tree)
    {
        var bytes = new byte[tree.InodeCount * SquashfsLayout.ExportEntrySize];
        var stack = new Stack<TreeNode>();
        stack.Push(tree.Root);
        while (stack.TryPop(out var node))
        {
            if (node.Inode == node)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(
                    bytes.AsSpan((int)(node.InodeNumber - 1) * SquashfsLayout.ExportEntrySize), node.InodeReference!.Value);
            }
            foreach (var child in node.Children ?? [])
            {
                stack.Push(child);
            }
        }
        return bytes;
    }
}
