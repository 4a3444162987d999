using System.CommandLine;
using Boxer.Core.Recipes;

namespace Boxer.Host.Cli;

/// <summary><c>boxer recipes</c>: the recipes boxer can find by name, with their one-line descriptions.</summary>
internal static class RecipesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("recipes", "List the recipes that --recipe NAME finds, with their descriptions");
        command.SetAction(_ =>
        {
            var locator = new RecipeLocator();
            var recipes = locator.List();
            if (recipes.Count == 0)
            {
                console.Out.WriteLine($"no recipes found in {string.Join(", ", locator.SearchDirectories)}");
                return ExitCode.Success;
            }
            var width = recipes.Max(r => r.Name.Length);
            foreach (var recipe in recipes)
            {
                var marker = recipe.Name == RecipeLocator.DefaultRecipe ? " (default)" : "";
                console.Out.WriteLine($"{recipe.Name.PadRight(width)}  {recipe.Description}{marker}");
            }
            console.Note([.. recipes.Select(r => $"{r.Name}: {r.Path}")]);
            return ExitCode.Success;
        });
        return command;
    }
}
