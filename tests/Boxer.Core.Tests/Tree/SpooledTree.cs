using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

/// <summary>Builds a tree whose file content lives in a real spool, the way the importer does.</summary>
internal static class SpooledTree
{
    public static RootFs Create(string spoolDirectory, params (string Path, byte[] Content)[] files)
    {
        var spool = ContentSpool.Create(spoolDirectory);
        var tree = RootFs.CreateForImport(spool, new UnixTime(1_700_000_000));
        foreach (var (path, content) in files)
        {
            long offset = spool.Append(content);
            tree.PutImported(TreePath.Normalize(path), new Inode
            {
                Kind = EntryKind.File,
                Mode = 0b110_100_100,
                Size = content.Length,
                SpoolOffset = offset,
            });
        }
        tree.SealSpool();
        return tree;
    }
}
