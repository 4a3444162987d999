namespace Boxer.Abstractions;

/// <summary>
/// A root filesystem tree that can be queried and read but not changed: what targets receive.
/// Paths are given as in <see cref="FsEntry.Path"/>; a leading <c>/</c> or <c>./</c> is accepted and ignored.
/// Symbolic links are never followed: every call acts on the named entry itself.
/// </summary>
public interface IReadOnlyRootFs
{
    /// <summary>The number of entries, the root directory included.</summary>
    int Count { get; }

    /// <summary>The content bytes of all regular files, each hard-link group counted once.</summary>
    long ContentSize { get; }

    /// <summary>
    /// Every entry in a stable order: depth first, the root first, each directory before its children,
    /// siblings ordered by the UTF-8 bytes of their names. In a hard-link group the first name in this
    /// order is the <see cref="EntryKind.File"/>; the others are <see cref="EntryKind.HardLink"/> entries naming it.
    /// </summary>
    IEnumerable<FsEntry> Entries { get; }

    /// <summary>True if an entry exists at <paramref name="path"/>.</summary>
    /// <param name="path">The path to look up.</param>
    /// <returns>Whether the entry exists.</returns>
    bool Exists(string path);

    /// <summary>Returns the entry at <paramref name="path"/>, or null when there is none.</summary>
    /// <param name="path">The path to look up.</param>
    /// <returns>The entry, or null.</returns>
    FsEntry? Find(string path);

    /// <summary>Returns the entry at <paramref name="path"/>.</summary>
    /// <param name="path">The path to look up.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="FileNotFoundException">No entry exists at that path.</exception>
    FsEntry Get(string path);

    /// <summary>The direct children of a directory, in enumeration order.</summary>
    /// <param name="directoryPath">The directory's path.</param>
    /// <returns>The children; empty for an empty directory.</returns>
    /// <exception cref="FileNotFoundException">No directory exists at that path.</exception>
    IEnumerable<FsEntry> Children(string directoryPath);

    /// <summary>
    /// The entries whose paths match a glob, in enumeration order: <c>*</c> and <c>?</c> match within one
    /// segment, <c>**</c> matches any number of whole segments, <c>[abc]</c> a character class.
    /// </summary>
    /// <param name="pattern">The pattern, e.g. <c>lib/modules/*</c> or <c>usr/src/linux*</c>.</param>
    /// <returns>The matching entries.</returns>
    IEnumerable<FsEntry> Glob(string pattern);

    /// <summary>Opens the content of a file (or of the file a hard link names) for reading.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>A read-only stream of exactly <see cref="FsEntry.Size"/> bytes; the caller disposes it.</returns>
    /// <exception cref="FileNotFoundException">No entry exists at that path.</exception>
    /// <exception cref="InvalidOperationException">The entry has no content (a directory, link or device).</exception>
    Stream OpenRead(string path);

    /// <summary>Reads the whole content of a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The bytes.</returns>
    byte[] ReadAllBytes(string path);

    /// <summary>Reads the whole content of a file as UTF-8 text.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The text.</returns>
    string ReadAllText(string path);
}
