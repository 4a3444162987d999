using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>How <see cref="TarWriter"/> writes entries.</summary>
public sealed record TarWriterOptions
{
    /// <summary>The default: no clamping, whiteout names allowed.</summary>
    public static TarWriterOptions Default { get; } = new();

    /// <summary>When set (SOURCE_DATE_EPOCH), every later mtime is written as this time.</summary>
    public UnixTime? ClampTime { get; init; }

    /// <summary>
    /// Refuse names starting with <c>.wh.</c>: in a Docker/OCI layer they are whiteouts that delete files of
    /// lower layers, and no escape exists, so such a file cannot be carried faithfully.
    /// </summary>
    public bool RefuseWhiteoutNames { get; init; }

    /// <summary>Called for each entry tar cannot hold (sockets), which is then skipped.</summary>
    public Action<FsEntry>? Skipped { get; init; }
}
