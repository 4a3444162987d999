using System.Collections.Immutable;
using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>
/// One archive member as the archive records it, with its PAX and GNU extended headers applied: names are
/// decoded (strict UTF-8) but not normalized or checked; what a tree accepts is the caller's rule.
/// </summary>
public sealed record TarEntry
{
    /// <summary>The member's name as the archive spells it (e.g. <c>./etc/passwd</c>, <c>usr/</c>).</summary>
    public required string Name { get; init; }

    /// <summary>File, directory, symlink, hard link, device or FIFO.</summary>
    public required EntryKind Kind { get; init; }

    /// <summary>Permission bits with setuid, setgid and sticky (the low 12 bits of the header's mode).</summary>
    public int Mode { get; init; }

    /// <summary>Numeric owner.</summary>
    public int Uid { get; init; }

    /// <summary>Numeric group.</summary>
    public int Gid { get; init; }

    /// <summary>Owner name, or null when the archive gives none.</summary>
    public string? UserName { get; init; }

    /// <summary>Group name, or null when the archive gives none.</summary>
    public string? GroupName { get; init; }

    /// <summary>Modification time; PAX gives nanoseconds, ustar whole seconds.</summary>
    public UnixTime ModifiedTime { get; init; }

    /// <summary>Bytes of data following the header in the archive.</summary>
    public long Size { get; init; }

    /// <summary>A symlink's or hard link's target as the archive spells it; null for other kinds.</summary>
    public string? LinkName { get; init; }

    /// <summary>Device major number (devices only).</summary>
    public int DeviceMajor { get; init; }

    /// <summary>Device minor number (devices only).</summary>
    public int DeviceMinor { get; init; }

    /// <summary>Every xattr the PAX headers carry (<c>SCHILY.xattr.*</c>, <c>LIBARCHIVE.xattr.*</c>), values as raw bytes.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<byte>> Xattrs { get; init; } = FsEntry.NoXattrs;

    /// <summary>Offset of the entry's header in the uncompressed stream.</summary>
    public long HeaderOffset { get; init; }
}
