using Boxer.Abstractions;

namespace Boxer.Core.Recipes;

/// <summary>What a recipe run works on: the tree, the image configuration, the stage's facts and the inputs.</summary>
public sealed record RecipeContext
{
    public required IRootFs RootFs { get; init; }

    public required ImageConfig Image { get; init; }

    public required StageInfo Stage { get; init; }

    /// <summary>The target the tree is finalized for.</summary>
    public required RecipeTarget Target { get; init; }

    /// <summary>The <c>--set key=value</c> pairs.</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the recipe's log lines go (as <see cref="LogMessage"/> with source <c>recipe</c>).</summary>
    public IProgress<BuildEvent> Progress { get; init; } = new Progress<BuildEvent>();
}
