namespace Boxer.Abstractions;

/// <summary>What <see cref="ITarget.Prepare"/> receives: the tree to adapt before the recipe runs.</summary>
public sealed class TargetPrepareContext
{
    /// <summary>The target's own editable copy of the imported tree.</summary>
    public required IRootFs RootFs { get; init; }

    /// <summary>The image configuration being built; the recipe runs after <see cref="ITarget.Prepare"/>.</summary>
    public required ImageConfig Image { get; init; }

    /// <summary>Facts about the stage3.</summary>
    public required StageInfo Stage { get; init; }

    /// <summary>The values of the target's options.</summary>
    public required TargetOptionValues Options { get; init; }

    /// <summary>
    /// The bill of materials the build will hand to <see cref="ITarget.BuildAsync"/>, or null for none: a target
    /// that puts it inside the tree does so here, before the recipe, so that the plan shows it.
    /// </summary>
    public SbomDocument? Sbom { get; init; }

    /// <summary>Where to report log lines.</summary>
    public IProgress<BuildEvent> Progress { get; init; } = new Progress<BuildEvent>();
}
