using Boxer.Abstractions;

namespace Boxer.Core.Recipes;

/// <summary>The target a recipe finalizes the tree for, so that one recipe can serve several formats.</summary>
/// <param name="Name">The target's name: <c>docker</c>, <c>sif</c>, <c>lxd</c>, …</param>
/// <param name="Options">The values of the target's options (<c>--tag</c>, …).</param>
public sealed record RecipeTarget(string Name, TargetOptionValues Options)
{
    /// <summary>Creates a target with no option values.</summary>
    public RecipeTarget(string name)
        : this(name, TargetOptionValues.Empty)
    {
    }

    /// <summary>True if this is the target called <paramref name="name"/> (case-insensitive).</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Name;
}
