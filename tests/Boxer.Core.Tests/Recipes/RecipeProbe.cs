using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Tests.Recipes.Support;

namespace Boxer.Core.Tests.Recipes;

/// <summary>
/// The test assembly's entry point, used by <see cref="RecipeCacheSpecs"/> to run a recipe in a fresh process:
/// <c>Boxer.Core.Tests RECIPE CACHE_DIR</c> prints <c>hit=True|False</c>, then every loaded assembly whose name
/// starts with Microsoft.CodeAnalysis, one per line.
/// </summary>
public static class RecipeProbe
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync("usage: Boxer.Core.Tests RECIPE CACHE_DIR");
            return 2;
        }
        var context = new RecipeContext
        {
            RootFs = MiniStage.Create(),
            Image = new ImageConfig(),
            Stage = MiniStage.Stage(),
            Target = new RecipeTarget("docker"),
        };
        var result = await new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = args[1] }).RunAsync(args[0], context);
        Console.WriteLine($"hit={result.CacheHit}");
        foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? ""))
        {
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                Console.WriteLine(name);
            }
        }
        return 0;
    }
}
