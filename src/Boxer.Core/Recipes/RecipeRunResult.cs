using Boxer.Abstractions;

namespace Boxer.Core.Recipes;

/// <summary>How a recipe run went: which recipe, whether the compiled form came from the cache, and the globals it left.</summary>
public sealed record RecipeRunResult
{
    public required RecipeInfo Recipe { get; init; }

    /// <summary>True when the compiled recipe came from the cache (Roslyn was not loaded).</summary>
    public bool CacheHit { get; init; }

    /// <summary>Time spent finding, compiling or loading the recipe.</summary>
    public TimeSpan PrepareTime { get; init; }

    /// <summary>Time the recipe itself ran.</summary>
    public TimeSpan RunTime { get; init; }

    /// <summary>The globals after the run: what the helpers recorded (dropped services, log lines).</summary>
    public required RecipeGlobals Globals { get; init; }
}
