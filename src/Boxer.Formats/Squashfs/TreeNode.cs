using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

/// <summary>One name in the tree being written. Hard-link names share the inode of the node they name.</summary>
internal sealed class TreeNode(FsEntry entry, byte[] name)
{
    public FsEntry Entry { get; } = entry;

    /// <summary>The name's UTF-8 bytes as stored in the directory entry.</summary>
    public byte[] Name { get; } = name;

    public List<TreeNode>? Children { get; init; }

    /// <summary>The node holding the inode: this node, or the first name of a hard-link group.</summary>
    public TreeNode Inode { get; set; } = null!;

    public TreeNode? Parent { get; init; }

    public uint InodeNumber { get; set; }

    public uint LinkCount { get; set; } = 1;

    public FileLayout? Layout { get; set; }

    /// <summary>Reference (block &lt;&lt; 16 | offset) to the written inode; null until written.</summary>
    public ulong? InodeReference { get; set; }

    public static byte[] EncodeName(FsEntry entry)
    {
        byte[] name = Encoding.UTF8.GetBytes(entry.Name);
        if (entry.Path.Length > 0 && (name.Length is 0 or > SquashfsLayout.MaxNameLength))
        {
            throw new SquashfsException($"name of '{entry.Path}' is {name.Length} bytes; squashfs stores 1 to 256") { EntryPath = entry.Path };
        }
        return name;
    }
}
