namespace Boxer.Host.Cli;

/// <summary>What the user chose about the recipe on a build verb.</summary>
/// <param name="RecipePath">The recipe's full path; null for <c>--recipe none</c>.</param>
/// <param name="Args">The <c>--set key=value</c> pairs.</param>
/// <param name="Plan">Print what the recipe would change instead of building.</param>
/// <param name="Json">Print the plan as JSON.</param>
internal sealed record RecipeChoice(string? RecipePath, IReadOnlyDictionary<string, string> Args, bool Plan, bool Json)
{
    /// <summary>The bill of materials to attach (<c>--sbom</c>).</summary>
    public Boxer.Core.Sbom.SbomFormat Sbom { get; init; } = Boxer.Core.Sbom.SbomFormat.Spdx;
    /// <summary><c>--test</c>: boot what was built and check it, as <c>boxer test</c> does.</summary>
    public bool Test { get; init; }
}
