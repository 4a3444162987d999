using Boxer.Abstractions;
using Boxer.Core.Import.Tar;
using Boxer.Core.Tree;

namespace Boxer.Core.Import;

/// <summary>Puts tar entries into the tree as extraction would: a later entry for a path replaces the earlier one.</summary>
internal static class StageTreeLoader
{
    public static void Load(TarBlockSource source, RootFs tree, ContentSpool spool)
    {
        var reader = new TarReader(source);
        SpanSink toSpool = chunk => spool.Append(chunk);
        while (reader.Next() is { } entry)
        {
            try
            {
                Put(entry, reader, tree, spool, toSpool);
            }
            catch (IOException e)
            {
                throw new StageException(e.Message, entry.Path, entry.HeaderOffset, e);
            }
        }
        // Whatever follows the end-of-archive blocks (record padding) is read so the decoder finishes cleanly.
        source.Drain();
    }

    private static void Put(TarEntry entry, TarReader reader, RootFs tree, ContentSpool spool, SpanSink toSpool)
    {
        if (entry.Kind == EntryKind.HardLink)
        {
            reader.SkipContent(entry);
            if (!tree.PutImportedHardLink(entry.Path, entry.LinkTarget!))
            {
                throw new StageException($"hard link to missing entry '{entry.LinkTarget}'", entry.Path, entry.HeaderOffset);
            }
            return;
        }
        var inode = new Inode
        {
            Kind = entry.Kind,
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            UserName = tree.InternName(entry.UserName),
            GroupName = tree.InternName(entry.GroupName),
            ModifiedTime = entry.ModifiedTime,
            Xattrs = entry.Xattrs,
            LinkTarget = entry.Kind == EntryKind.Symlink ? entry.LinkTarget : null,
            DeviceMajor = entry.DeviceMajor,
            DeviceMinor = entry.DeviceMinor,
        };
        if (entry.Kind == EntryKind.File)
        {
            inode.SpoolOffset = spool.Length;
            inode.Size = entry.Size;
            reader.CopyContent(entry, toSpool);
        }
        else
        {
            reader.SkipContent(entry);
        }
        tree.PutImported(entry.Path, inode);
    }
}
