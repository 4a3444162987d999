using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Import;

/// <summary>An imported stage3: its tree (which owns the content spool) and its facts. Dispose to remove the spool.</summary>
public sealed class ImportedStage(RootFs rootFs, StageInfo stage, string decoder) : IDisposable
{
    public RootFs RootFs { get; } = rootFs;

    public StageInfo Stage { get; } = stage;

    /// <summary>What decompressed the input, e.g. <c>xz (native)</c> or <c>xz (managed)</c>.</summary>
    public string Decoder { get; } = decoder;

    /// <summary>The same stage with its provenance recorded; the tree moves to the result, which the caller disposes instead.</summary>
    internal ImportedStage WithProvenance(StageProvenance provenance) => new(RootFs, Stage with { Provenance = provenance }, Decoder);

    public void Dispose() => RootFs.Dispose();
}
