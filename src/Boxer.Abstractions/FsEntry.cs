using System.Collections.Immutable;

namespace Boxer.Abstractions;

/// <summary>
/// One entry of a root filesystem: its path and every piece of metadata a tar header, a squashfs inode
/// or an OCI layer can carry. Immutable; edit a tree through <see cref="IRootFs"/>.
/// </summary>
public sealed record FsEntry
{
    /// <summary>The path of the root directory itself.</summary>
    public const string RootPath = "";

    /// <summary>
    /// The path relative to the root: <c>/</c>-separated, no leading <c>/</c> or <c>./</c>, no <c>.</c> or
    /// <c>..</c> segments; <see cref="RootPath"/> (empty) for the root directory.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>What the entry is.</summary>
    public required EntryKind Kind { get; init; }

    /// <summary>Permission bits including setuid (04000), setgid (02000) and sticky (01000); no type bits.</summary>
    public int Mode { get; init; }

    /// <summary>The numeric owner.</summary>
    public int Uid { get; init; }

    /// <summary>The numeric group.</summary>
    public int Gid { get; init; }

    /// <summary>The owner's name as the archive recorded it, if it did.</summary>
    public string? UserName { get; init; }

    /// <summary>The group's name as the archive recorded it, if it did.</summary>
    public string? GroupName { get; init; }

    /// <summary>The modification time.</summary>
    public UnixTime ModifiedTime { get; init; }

    /// <summary>The content length in bytes for a <see cref="EntryKind.File"/> (and its hard links); 0 otherwise.</summary>
    public long Size { get; init; }

    /// <summary>
    /// For a <see cref="EntryKind.Symlink"/> the target text exactly as stored; for a
    /// <see cref="EntryKind.HardLink"/> the <see cref="Path"/> of the entry it names; otherwise null.
    /// </summary>
    public string? LinkTarget { get; init; }

    /// <summary>The major device number of a character or block device; 0 otherwise.</summary>
    public int DeviceMajor { get; init; }

    /// <summary>The minor device number of a character or block device; 0 otherwise.</summary>
    public int DeviceMinor { get; init; }

    /// <summary>
    /// Extended attributes by full name (<c>security.capability</c>, <c>user.foo</c>), values as raw bytes
    /// exactly as stored: file capabilities are binary and must never pass through a text decoder.
    /// </summary>
    public ImmutableSortedDictionary<string, ImmutableArray<byte>> Xattrs { get; init; } = NoXattrs;

    /// <summary>An empty extended-attribute set, ordered by ordinal name.</summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<byte>> NoXattrs { get; } =
        ImmutableSortedDictionary.Create<string, ImmutableArray<byte>>(StringComparer.Ordinal);

    /// <summary>The last path segment; empty for the root.</summary>
    public string Name => Path.Length == 0 ? "" : Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The parent directory's path; null for the root.</summary>
    public string? ParentPath =>
        Path.Length == 0 ? null : Path.LastIndexOf('/') is var i and >= 0 ? Path[..i] : RootPath;

    /// <summary>True for entries whose content can be read: files and their hard links.</summary>
    public bool HasContent => Kind is EntryKind.File or EntryKind.HardLink;

    /// <summary>True for character and block devices.</summary>
    public bool IsDevice => Kind is EntryKind.CharDevice or EntryKind.BlockDevice;
}
