namespace Boxer.Abstractions;

/// <summary>What <see cref="ITarget.BuildAsync"/> receives: the finalized tree and everything about the build.</summary>
public sealed class TargetBuildContext
{
    /// <summary>The finalized tree, read-only.</summary>
    public required IReadOnlyRootFs RootFs { get; init; }

    /// <summary>The image configuration the recipe produced, read-only: it is what the plan showed.</summary>
    public required ImageConfigView Image { get; init; }

    /// <summary>Facts about the stage3.</summary>
    public required StageInfo Stage { get; init; }

    /// <summary>The values of the target's options.</summary>
    public required TargetOptionValues Options { get; init; }

    /// <summary>
    /// The bill of materials of the stage3 (read before the recipe ran), or null when the user asked for none
    /// (<c>--sbom none</c>). A target that can carry it should: see <see cref="SbomDocument"/>.
    /// </summary>
    public SbomDocument? Sbom { get; init; }

    /// <summary>The recipe that finalized the tree.</summary>
    public RecipeInfo Recipe { get; init; } = RecipeInfo.None;

    /// <summary>
    /// The time from <c>SOURCE_DATE_EPOCH</c>, when set: outputs must then be byte-for-byte reproducible,
    /// with every time clamped to it and no random identifiers.
    /// </summary>
    public UnixTime? SourceDateEpoch { get; init; }

    /// <summary>The version of boxer running the build, for labels.</summary>
    public string BoxerVersion { get; init; } = "";

    /// <summary>The directory relative output paths are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Where to report phases, progress, log lines and artifacts.</summary>
    public IProgress<BuildEvent> Progress { get; init; } = new Progress<BuildEvent>();

    /// <summary>The time to record as the image's creation: <see cref="SourceDateEpoch"/> if set, else now.</summary>
    public DateTimeOffset CreatedTime =>
        SourceDateEpoch?.ToDateTimeOffset() ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
}
