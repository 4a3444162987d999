namespace Boxer.Abstractions;

/// <summary>
/// A root filesystem tree that recipes and <see cref="ITarget.Prepare"/> may edit. Every edit touches only
/// the entries it names: all other entries keep their metadata and bytes exactly. Entries an edit creates
/// are owned by root (0:0) and stamped with the build's time; missing parent directories are created 0755.
/// </summary>
public interface IRootFs : IReadOnlyRootFs
{
    /// <summary>
    /// Creates or replaces a regular file's content. An existing file keeps its owner, mode and xattrs
    /// (every name of a hard-link group sees the new content); a new file gets <paramref name="mode"/>.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="content">The new content.</param>
    /// <param name="mode">Permission bits for a new file.</param>
    void WriteAllBytes(string path, ReadOnlySpan<byte> content, int mode = 0b110_100_100);

    /// <summary>Creates or replaces a regular file's content with UTF-8 text, as <see cref="WriteAllBytes"/> does.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="text">The new content.</param>
    /// <param name="mode">Permission bits for a new file.</param>
    void WriteAllText(string path, string text, int mode = 0b110_100_100);

    /// <summary>Appends UTF-8 text to a file, creating it (mode 0644) if it does not exist.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="text">The text to append.</param>
    void AppendAllText(string path, string text);

    /// <summary>Creates a directory and any missing parents; an existing directory is left as it is.</summary>
    /// <param name="path">The directory's path.</param>
    /// <param name="mode">Permission bits for the directories created.</param>
    void CreateDirectory(string path, int mode = 0b111_101_101);

    /// <summary>Creates or replaces a symbolic link.</summary>
    /// <param name="path">The link's path.</param>
    /// <param name="target">The target text, stored verbatim (relative or absolute).</param>
    void CreateSymlink(string path, string target);

    /// <summary>Gives an existing regular file another name.</summary>
    /// <param name="path">The new name.</param>
    /// <param name="existingPath">A path of the existing file (or of one of its hard links).</param>
    void CreateHardLink(string path, string existingPath);

    /// <summary>Creates a device node, FIFO or socket.</summary>
    /// <param name="path">The node's path.</param>
    /// <param name="kind">One of <see cref="EntryKind.CharDevice"/>, <see cref="EntryKind.BlockDevice"/>,
    /// <see cref="EntryKind.Fifo"/>, <see cref="EntryKind.Socket"/>.</param>
    /// <param name="mode">Permission bits.</param>
    /// <param name="major">The major device number (devices only).</param>
    /// <param name="minor">The minor device number (devices only).</param>
    void CreateNode(string path, EntryKind kind, int mode, int major = 0, int minor = 0);

    /// <summary>Removes an entry. A directory with children needs <paramref name="recursive"/>.</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="recursive">Remove a directory's whole subtree.</param>
    /// <returns>The number of entries removed; 0 when nothing was there.</returns>
    int Delete(string path, bool recursive = false);

    /// <summary>Removes every entry matching a glob (see <see cref="IReadOnlyRootFs.Glob"/>), with its subtree.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The number of entries removed.</returns>
    int DeleteGlob(string pattern);

    /// <summary>Moves an entry (with its subtree) to a new path, replacing nothing: the destination must not exist.</summary>
    /// <param name="from">The current path.</param>
    /// <param name="to">The new path.</param>
    void Move(string from, string to);

    /// <summary>Sets the permission bits (07777) of an entry; for a hard link, of its whole group.</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="mode">The new permission bits.</param>
    void SetMode(string path, int mode);

    /// <summary>Sets the owner and group of an entry.</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="uid">The numeric owner.</param>
    /// <param name="gid">The numeric group.</param>
    /// <param name="userName">The owner's name to record, or null for none.</param>
    /// <param name="groupName">The group's name to record, or null for none.</param>
    void SetOwner(string path, int uid, int gid, string? userName = null, string? groupName = null);

    /// <summary>Sets the modification time of an entry.</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="time">The new time.</param>
    void SetModifiedTime(string path, UnixTime time);

    /// <summary>Sets an extended attribute to raw bytes.</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="name">The full attribute name, e.g. <c>security.capability</c>.</param>
    /// <param name="value">The value, stored exactly.</param>
    void SetXattr(string path, string name, ReadOnlySpan<byte> value);

    /// <summary>Removes an extended attribute.</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="name">The full attribute name.</param>
    /// <returns>True if the attribute was there.</returns>
    bool RemoveXattr(string path, string name);
}
