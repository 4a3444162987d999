namespace Boxer.Core.Import;

/// <summary>How to import a stage3.</summary>
public sealed record ImportOptions
{
    /// <summary>Use the native <c>xz</c>/<c>zstd</c> tools when they are on PATH (about twice as fast).</summary>
    public bool PreferNativeTools { get; init; } = true;

    /// <summary>Where the content spool file goes; null for the system temp directory.</summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>
    /// The time stamped on directories the archive implies but does not list (and the tree's initial
    /// <see cref="Tree.RootFs.NewEntryTime"/>); null for now. Pass SOURCE_DATE_EPOCH for reproducible output.
    /// </summary>
    public Boxer.Abstractions.UnixTime? NewEntryTime { get; init; }
}
