using Boxer.Abstractions;
using Boxer.Core.Listing;
using Boxer.Core.Tree;
using Boxer.Formats.Tar;

namespace Boxer.Core.Import;

/// <summary>
/// Puts tar entries into the tree as extraction would: a later entry for a path replaces the earlier one.
/// The reader (Boxer.Formats) gives members as the archive records them; the tree's rules for names, link
/// targets and xattr namespaces (<see cref="TarNameRules"/>, <see cref="XattrNamespaces"/>) are applied here.
/// </summary>
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
        while (Next(reader) is { } entry)
        {
            var path = TarNameRules.Path(entry.Name, entry.Kind, entry.HeaderOffset);
            var dropped = entry.Xattrs.Keys.Where(k => !XattrNamespaces.IsValid(k)).ToList();
            if (dropped.Count > 0)
            {
                warn(StageException.Compose(XattrNamespaces.DroppedMessage(dropped), path, entry.HeaderOffset));
            }
            try
            {
                Put(entry, path, dropped, reader, tree, spool, toSpool);
            }
            catch (IOException e)
            {
                throw new StageException(e.Message, path, entry.HeaderOffset, e);
            }
            catch (TarReadException e)
            {
                // Content errors name the entry by its tree path, as every other message about it does.
                throw new StageException(e.Problem, path, e.Offset, e);
            }
        }
        // Record padding follows the end marker; anything else is ignored, as tar ignores it. The decoder is
        // stopped after the look-ahead (the importer still hashes the rest of the file, undecoded).
        if (source.FindNonZero(TrailerLookAhead) is { } at)
        {
            warn(StageException.Compose("ignored the data after the end-of-archive marker: it is not all zeros", null, at));
        }
    }

    private static TarEntry? Next(TarReader reader)
    {
        try
        {
            return reader.Next();
        }
        catch (TarReadException e)
        {
            throw new StageException(e.Problem, e.EntryName, e.Offset, e);
        }
    }

    private static void Put(
        TarEntry entry, string path, List<string> droppedXattrs, TarReader reader, RootFs tree, ContentSpool spool, SpanSink toSpool)
    {
        string? link = entry.LinkName is { } name ? TarNameRules.Link(name, entry.Kind, entry.Name, entry.HeaderOffset) : null;
        if (entry.Kind == EntryKind.HardLink)
        {
            reader.SkipContent(entry);
            if (!tree.PutImportedHardLink(path, link!))
            {
                throw new StageException(
                    $"hard link to missing entry '{NameEscaper.Escape(link!)}'", path, entry.HeaderOffset);
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
            Xattrs = droppedXattrs.Count == 0 ? entry.Xattrs : entry.Xattrs.RemoveRange(droppedXattrs),
            LinkTarget = entry.Kind == EntryKind.Symlink ? link : null,
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
        tree.PutImported(path, inode);
    }
}
