using Boxer.Abstractions;
using Boxer.Core.Import.Tar;
using Boxer.Core.Listing;
using Boxer.Core.Tree;

namespace Boxer.Core.Import;

/// <summary>Puts tar entries into the tree as extraction would: a later entry for a path replaces the earlier one.</summary>
internal static class StageTreeLoader
{
    /// <summary>
    /// How far past the end-of-archive marker decoding goes: beyond GNU tar's record padding (10 KiB by
    /// default, 1 MiB at -b 2048). A stage3 with gigabytes of zeros appended must not be decoded to its end.
    /// </summary>
    public const int TrailerLookAhead = 1 << 20;

    /// <param name="source">The uncompressed tar stream.</param>
    /// <param name="tree">Receives the entries.</param>
    /// <param name="spool">Receives file content.</param>
    /// <param name="warn">Receives one-line warnings (dropped xattrs, data after the end marker); null to ignore them.</param>
    public static void Load(TarBlockSource source, RootFs tree, ContentSpool spool, Action<string>? warn = null)
    {
        warn ??= _ => { };
        var reader = new TarReader(source);
        SpanSink toSpool = chunk => spool.Append(chunk);
        while (reader.Next() is { } entry)
        {
            if (entry.DroppedXattrs.Count > 0)
            {
                warn(StageException.Compose(XattrNamespaces.DroppedMessage(entry.DroppedXattrs), entry.Path, entry.HeaderOffset));
            }
            try
            {
                Put(entry, reader, tree, spool, toSpool);
            }
            catch (IOException e)
            {
                throw new StageException(e.Message, entry.Path, entry.HeaderOffset, e);
            }
        }
        // Record padding follows the end marker; anything else is ignored, as tar ignores it. The decoder is
        // stopped after the look-ahead (the importer still hashes the rest of the file, undecoded).
        if (source.FindNonZero(TrailerLookAhead) is { } at)
        {
            warn(StageException.Compose("ignored the data after the end-of-archive marker: it is not all zeros", null, at));
        }
    }

    private static void Put(TarEntry entry, TarReader reader, RootFs tree, ContentSpool spool, SpanSink toSpool)
    {
        if (entry.Kind == EntryKind.HardLink)
        {
            reader.SkipContent(entry);
            if (!tree.PutImportedHardLink(entry.Path, entry.LinkTarget!))
            {
                throw new StageException(
                    $"hard link to missing entry '{NameEscaper.Escape(entry.LinkTarget!)}'", entry.Path, entry.HeaderOffset);
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
