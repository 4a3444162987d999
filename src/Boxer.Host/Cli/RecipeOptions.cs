using System.CommandLine;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;

namespace Boxer.Host.Cli;

/// <summary>The recipe options every build verb takes: <c>--recipe</c>, <c>--set</c>, <c>--plan</c>, <c>--json</c>, <c>--test</c>.</summary>
internal sealed class RecipeOptions
{
    public Option<string> Recipe { get; } = new("--recipe")
    {
        Description = $"The recipe that finalizes the tree: a .csx path, a name from `boxer recipes`, or none [default: {RecipeLocator.DefaultRecipe}]. "
            + "Recipes are C# run with boxer's rights, unsandboxed: use only recipes you trust",
        HelpName = "FILE|NAME|none",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "An argument for the recipe (repeatable), e.g. --set prune-pkgdb=true",
        HelpName = "KEY=VALUE",
    };

    public Option<bool> Plan { get; } = new("--plan") { Description = "Print what the recipe would change, and build nothing" };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON object per line on stdout for every build event and the result; with --plan: the plan as JSON",
    };

    public Option<string> Sbom { get; } = SbomOption.Create();

    public Option<bool> Test { get; } = new("--test")
    {
        Description = "After the build, boot what was built and check every service and the stop, as `boxer test` does (exit 5 when it fails)",
    };

    /// <summary>The options to add to a verb; <c>--recipe</c> only where the recipe is not an argument.</summary>
    public IEnumerable<Option> For(bool withRecipeOption) => withRecipeOption ? [Recipe, Set, Plan, Json, Sbom, Test] : [Set, Plan, Json, Sbom, Test];

    /// <summary>Reads the choice, locating the recipe (<paramref name="recipe"/> overrides <c>--recipe</c>).</summary>
    /// <exception cref="UsageException">--plan with no recipe, an empty or non-regular recipe path, a malformed --set.</exception>
    /// <exception cref="RecipeException">The recipe does not exist.</exception>
    public RecipeChoice Read(ParseResult parse, string? recipe = null)
    {
        var choice = Choose(recipe ?? parse.GetValue(Recipe), recipe is null ? "--recipe" : "recipe", parse.GetValue(Set) ?? [], parse.GetValue(Plan), parse.GetValue(Json));
        var test = parse.GetValue(Test);
        if (choice.Plan && test)
        {
            throw new UsageException("--test boots what the build makes; --plan builds nothing");
        }
        return choice with { Sbom = SbomOption.Read(parse, Sbom), Test = test };
    }

    /// <summary>The same from values read elsewhere (<c>boxer build</c> parses its own groups).</summary>
    /// <param name="recipe">The recipe given, or null for the default.</param>
    /// <param name="optionName">How to name the recipe in an error (<c>--recipe</c>).</param>
    /// <param name="set">The <c>--set</c> values.</param>
    /// <param name="plan">Whether <c>--plan</c> was given.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <exception cref="UsageException">--plan with no recipe, an empty or non-regular recipe path, a malformed --set.</exception>
    /// <exception cref="RecipeException">The recipe does not exist.</exception>
    public static RecipeChoice Choose(string? recipe, string optionName, IReadOnlyList<string> set, bool plan, bool json)
    {
        var path = new RecipeLocator().Locate(InputPaths.Check(optionName, recipe ?? RecipeLocator.DefaultRecipe));
        if (plan && path is null)
        {
            throw new UsageException("--plan needs a recipe; --recipe none changes nothing");
        }
        return new RecipeChoice(path, SetValues(set), plan, json);
    }

    /// <summary>A malformed <c>--set</c> is a command-line mistake (exit 2), not a recipe's.</summary>
    private static IReadOnlyDictionary<string, string> SetValues(IReadOnlyList<string> set)
    {
        try
        {
            return RecipeArgs.Parse(set);
        }
        catch (RecipeException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
