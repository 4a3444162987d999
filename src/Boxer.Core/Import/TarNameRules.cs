using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Listing;
using Boxer.Core.Tree;

namespace Boxer.Core.Import;

/// <summary>
/// What a member's name and link target must be for the tree and every target to hold it: no NUL, no
/// climbing above the root, no path component over 255 bytes (no common filesystem, nor squashfs, stores
/// one), no empty symlink target (unsquashfs cannot read one) and no hard link in place of the root.
/// </summary>
internal static class TarNameRules
{
    public const int MaxComponentBytes = 255;

    /// <summary>The normalized path of <paramref name="rawName"/>, or a <see cref="StageException"/> saying what is wrong.</summary>
    public static string Path(string rawName, EntryKind kind, long offset)
    {
        if (rawName.Contains('\0'))
        {
            throw new StageException("the path holds a NUL byte", rawName, offset);
        }
        if (!TreePath.TryNormalize(rawName, out var path))
        {
            throw new StageException("path escapes the root with '..'", rawName, offset);
        }
        foreach (var segment in TreePath.Split(path))
        {
            if (Encoding.UTF8.GetByteCount(segment) is var bytes and > MaxComponentBytes)
            {
                throw new StageException(
                    $"a path component is {bytes} bytes long; filesystems and squashfs hold at most {MaxComponentBytes}", rawName, offset);
            }
        }
        if (path.Length == 0 && kind == EntryKind.HardLink)
        {
            throw new StageException("a hard link cannot replace the root directory", rawName, offset);
        }
        return path;
    }

    /// <summary>A symlink's target verbatim, or a hard link's normalized target path.</summary>
    public static string Link(string link, EntryKind kind, string rawName, long offset)
    {
        var what = kind == EntryKind.Symlink ? "symlink target" : "hard link target";
        if (link.Contains('\0'))
        {
            throw new StageException($"the {what} holds a NUL byte: '{NameEscaper.Escape(link)}'", rawName, offset);
        }
        if (kind == EntryKind.Symlink)
        {
            return link.Length > 0 ? link : throw new StageException("the symlink has an empty target", rawName, offset);
        }
        return TreePath.TryNormalize(link, out var target)
            ? target
            : throw new StageException("hard link target escapes the root with '..'", rawName, offset);
    }
}
