namespace Boxer.Core.Recipes;

/// <summary>How <see cref="RecipeRunner"/> compiles and caches.</summary>
public sealed record RecipeRunnerOptions
{
    /// <summary>Where compiled recipes are kept; null for <see cref="RecipeCache.DefaultDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>False to always compile (and not store the result).</summary>
    public bool UseCache { get; init; } = true;
}
