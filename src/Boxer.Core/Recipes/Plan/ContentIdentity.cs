using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Recipes.Plan;

/// <summary>
/// Decides cheaply whether a file's content may have changed, so a plan over a whole stage3 reads only the
/// files a recipe touched. Two <see cref="RootFs"/> trees (an original and its clone) answer from their
/// inodes: an untouched file still points at the same spool offset or the same edited byte array.
/// Other trees are compared byte for byte.
/// </summary>
internal static class ContentIdentity
{
    public static bool MayDiffer(IReadOnlyRootFs before, IReadOnlyRootFs after, FsEntry old, FsEntry now)
    {
        if (old.Size != now.Size)
        {
            return true;
        }
        if (before is RootFs a && after is RootFs b && a.Lookup(old.Path)?.Inode is { } x && b.Lookup(now.Path)?.Inode is { } y)
        {
            return !ReferenceEquals(x.Bytes, y.Bytes) || x.SpoolOffset != y.SpoolOffset;
        }
        return !before.ReadAllBytes(old.Path).AsSpan().SequenceEqual(after.ReadAllBytes(now.Path));
    }
}
