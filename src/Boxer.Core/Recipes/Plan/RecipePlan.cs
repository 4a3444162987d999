using Boxer.Abstractions;
using Boxer.Core.Recipes.Helpers;

namespace Boxer.Core.Recipes.Plan;

/// <summary>What a recipe would change in a tree, for <c>--plan</c>: computed on a copy, nothing is written.</summary>
public sealed record RecipePlan
{
    public required RecipeInfo Recipe { get; init; }

    public required string Target { get; init; }

    /// <summary>Removed entries, a removed directory standing for its subtree, in tree order.</summary>
    public IReadOnlyList<PlanEntry> Removed { get; init; } = [];

    /// <summary>Added entries, an added directory standing for its subtree, in tree order.</summary>
    public IReadOnlyList<PlanEntry> Added { get; init; } = [];

    public IReadOnlyList<PlanModification> Modified { get; init; } = [];

    /// <summary>Services the recipe removed from runlevels, with the reason each was dropped.</summary>
    public IReadOnlyList<DroppedService> DroppedServices { get; init; } = [];

    /// <summary>Where the stage came from and who signed it, as every output records it.</summary>
    public StageProvenance? Stage { get; init; }

    /// <summary>The image configuration the target would receive.</summary>
    public required ImageConfigView Image { get; init; }

    /// <summary>
    /// Every entry of the tree the target would write, in tree order: what a build's artifact lists. Not
    /// rendered (it is the whole stage3); it lets callers and specs hold the plan against a build.
    /// </summary>
    public IReadOnlyList<FsEntry> Entries { get; init; } = [];

    /// <summary>What the recipe logged.</summary>
    public IReadOnlyList<LogMessage> Log { get; init; } = [];

    /// <summary>The content bytes freed by the removals.</summary>
    public long BytesFreed => Removed.Sum(r => r.Bytes);
}
