using Boxer.Abstractions;

namespace Boxer.Formats.Overlay;

/// <summary>What <see cref="Ext3OverlayWriter"/> makes and whom its failures name.</summary>
public sealed record Ext3OverlayOptions
{
    /// <summary>The image size in MiB, <see cref="Ext3OverlayWriter.MinimumMiB"/> to <see cref="Ext3OverlayWriter.MaximumMiB"/>.</summary>
    public required long SizeMiB { get; init; }

    /// <summary>
    /// SOURCE_DATE_EPOCH: when set, the file system UUID and directory hash seed are derived from it and the size,
    /// and every time e2fsprogs records is this one, so two images of one size and epoch are byte-identical.
    /// Null: a fresh UUID and seed and the current time, as mkfs.ext3 makes by default.
    /// </summary>
    public UnixTime? SourceDateEpoch { get; init; }

    /// <summary>The target (or verb) named by failures, e.g. <c>sif</c>.</summary>
    public string Target { get; init; } = "overlay";

    /// <summary>The user's output path named by failures (not the temporary file being written).</summary>
    public string? ReportAs { get; init; }
}
