using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Recipes.Plan;

/// <summary>
/// <c>--plan</c> and the wizard's Plan: the build's own loop (<see cref="TargetRun"/> per target: options,
/// clone, prepare, image configuration, recipe) stopped before the write, each run described instead.
/// Options that only writing needs are not asked for. No target writes anything.
/// </summary>
public static class RecipePlanPipeline
{
    /// <summary>Imports the stage and plans every target.</summary>
    /// <param name="request">What would be built; the finalizer is the recipe to plan.</param>
    /// <param name="progress">Receives the import, prepare and recipe phases and the recipe's log lines.</param>
    /// <param name="cancellationToken">Cancels the plan.</param>
    /// <returns>One plan per target, in order.</returns>
    /// <exception cref="UsageException">A target option is wrong; nothing was read.</exception>
    /// <exception cref="StageException">The stage3 is missing or unusable.</exception>
    /// <exception cref="RecipeException">The recipe failed.</exception>
    public static async Task<IReadOnlyList<RecipePlan>> PlanAsync(
        BuildRequest request, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var targets = BuildPipeline.CheckOptions(request, TargetRunMode.Plan);
        using var imported = await BuildPipeline.ImportAsync(request.StagePath, request.Import, request.Sources, progress, cancellationToken).ConfigureAwait(false);
        return await BuildPipeline.RunTargetsAsync(targets, imported, request, TargetRunMode.Plan, Describe, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans from a stage that is already imported (the wizard imported it to show its facts);
    /// <see cref="BuildRequest.StagePath"/> is not read and the caller keeps the stage.
    /// </summary>
    /// <param name="request">What would be built.</param>
    /// <param name="imported">The imported stage, left unchanged.</param>
    /// <param name="progress">Receives the prepare and recipe phases.</param>
    /// <param name="cancellationToken">Cancels the plan.</param>
    /// <returns>One plan per target, in order.</returns>
    public static Task<IReadOnlyList<RecipePlan>> PlanAsync(
        BuildRequest request, ImportedStage imported, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BuildPipeline.RunTargetsAsync(BuildPipeline.CheckOptions(request, TargetRunMode.Plan), imported, request,
            TargetRunMode.Plan, Describe, progress, cancellationToken);
    }

    private static Task<RecipePlan> Describe(TargetRun run)
    {
        var (removed, added, modified) = TreeDiff.Compare(run.BeforeRecipe!, run.FinalTree);
        return Task.FromResult(new RecipePlan
        {
            Recipe = run.Recipe,
            Target = run.Target.Name,
            Removed = removed,
            Added = added,
            Modified = modified,
            DroppedServices = run.Report.DroppedServices,
            Stage = run.Stage.Provenance,
            Image = run.Image,
            Log = run.Report.Log,
            Entries = [.. run.Tree.Entries],
        });
    }
}
