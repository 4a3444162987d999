using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>Runs one of the shipped recipes as the pipeline's finalization, as the host will.</summary>
public sealed class RecipeFinalizer(string recipeFileName) : IFinalizer
{
    private readonly string _path = Path.Combine(RepoPaths.Recipes, recipeFileName);

    public RecipeInfo Recipe { get; private set; } = RecipeInfo.None;

    public async Task FinalizeAsync(FinalizeContext context, CancellationToken cancellationToken)
    {
        var result = await new RecipeRunner().RunAsync(_path, new RecipeContext
        {
            RootFs = context.RootFs,
            Image = context.Image,
            Stage = context.Stage,
            Target = new RecipeTarget(context.TargetName, context.Options),
            Progress = context.Progress,
        }, cancellationToken);
        Recipe = result.Recipe;
    }
}
