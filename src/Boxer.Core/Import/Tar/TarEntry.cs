using System.Collections.Immutable;
using Boxer.Abstractions;

namespace Boxer.Core.Import.Tar;

/// <summary>One archive member with its extended headers applied; paths normalized, names decoded.</summary>
internal sealed record TarEntry
{
    public required string Path { get; init; }

    /// <summary>File, directory, symlink, hard link, device or FIFO.</summary>
    public required EntryKind Kind { get; init; }

    public int Mode { get; init; }

    public int Uid { get; init; }

    public int Gid { get; init; }

    public string? UserName { get; init; }

    public string? GroupName { get; init; }

    public UnixTime ModifiedTime { get; init; }

    /// <summary>Bytes of data following the header in the archive.</summary>
    public long Size { get; init; }

    /// <summary>A symlink's target verbatim, or a hard link's normalized target path.</summary>
    public string? LinkTarget { get; init; }

    public int DeviceMajor { get; init; }

    public int DeviceMinor { get; init; }

    public ImmutableSortedDictionary<string, ImmutableArray<byte>> Xattrs { get; init; } = FsEntry.NoXattrs;

    /// <summary>xattr names the entry carried that no Linux filesystem holds; left out of <see cref="Xattrs"/>.</summary>
    public IReadOnlyList<string> DroppedXattrs { get; init; } = [];

    /// <summary>Offset of the entry's header in the uncompressed stream.</summary>
    public long HeaderOffset { get; init; }
}
