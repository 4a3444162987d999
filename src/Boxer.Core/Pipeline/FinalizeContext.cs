using Boxer.Abstractions;

namespace Boxer.Core.Pipeline;

/// <summary>What an <see cref="IFinalizer"/> receives for one target.</summary>
public sealed class FinalizeContext
{
    /// <summary>The name of the target the tree is finalized for.</summary>
    public required string TargetName { get; init; }

    /// <summary>The target's own editable copy of the tree, already prepared by the target.</summary>
    public required IRootFs RootFs { get; init; }

    /// <summary>The image configuration being built for this target.</summary>
    public required ImageConfig Image { get; init; }

    /// <summary>Facts about the stage3.</summary>
    public required StageInfo Stage { get; init; }

    /// <summary>The target's option values, defaults applied.</summary>
    public required TargetOptionValues Options { get; init; }

    /// <summary>Where the recipe's log lines go.</summary>
    public required IProgress<BuildEvent> Progress { get; init; }
}
