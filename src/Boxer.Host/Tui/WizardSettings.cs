using Boxer.Abstractions;
using Boxer.Core.Plugins;
using Boxer.Core.Recipes;

namespace Boxer.Host.Tui;

/// <summary>What the wizard is given from outside: the loaded targets, where recipes and recent stages are, where it starts.</summary>
internal sealed record WizardSettings
{
    public required PluginCatalog Catalog { get; init; }

    public RecipeLocator Recipes { get; init; } = new();

    public RecentStages Recent { get; init; } = RecentStages.Default();

    public string StartDirectory { get; init; } = Environment.CurrentDirectory;

    public UnixTime? SourceDateEpoch { get; init; }

    public string BoxerVersion { get; init; } = "";

    /// <summary>
    /// Compiles the chosen recipe for the plan and the build: into ~/.cache/boxer/recipes, unless a test gives one
    /// with its own cache folder (a test must not write the user's cache).
    /// </summary>
    public RecipeRunner RecipeRunner { get; init; } = new();
}
