using Boxer.Core.Tree;

namespace Boxer.Core.Recipes.Plan;

/// <summary>Runs a recipe on a copy of a tree and describes what it changed; the tree itself is left as it was.</summary>
public sealed class RecipePlanner(RecipeRunner runner)
{
    /// <summary>
    /// Plans <paramref name="recipePath"/> over <paramref name="tree"/>. <paramref name="context"/> supplies the
    /// target, stage, args and starting image; its tree and image are replaced by copies.
    /// </summary>
    /// <exception cref="RecipeException">The recipe is missing, does not compile, or failed.</exception>
    public async Task<RecipePlan> PlanAsync(string recipePath, RootFs tree, RecipeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(context);
        using var copy = tree.Clone();
        var run = context with { RootFs = copy, Image = context.Image.Clone() };
        var result = await runner.RunAsync(recipePath, run, cancellationToken).ConfigureAwait(false);
        var (removed, added, modified) = TreeDiff.Compare(tree, copy);
        return new RecipePlan
        {
            Recipe = result.Recipe,
            Target = context.Target.Name,
            Removed = removed,
            Added = added,
            Modified = modified,
            DroppedServices = result.Globals.OpenRC.Dropped,
            Image = run.Image,
            Log = result.Globals.Log.Messages,
        };
    }
}
