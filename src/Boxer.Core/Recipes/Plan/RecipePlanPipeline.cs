using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Recipes.Plan;

/// <summary>
/// <c>--plan</c>: the build path up to the recipe (import once; per target clone, prepare), then the recipe
/// runs on a further copy and its changes are described. No target writes anything.
/// </summary>
public static class RecipePlanPipeline
{
    /// <exception cref="UsageException">A target option is wrong; nothing was read.</exception>
    /// <exception cref="StageException">The stage3 is missing or unusable.</exception>
    /// <exception cref="RecipeException">The recipe is missing, does not compile, or failed.</exception>
    public static async Task<IReadOnlyList<RecipePlan>> PlanAsync(
        RecipePlanRequest request, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var targets = request.Targets.Select(t => (t.Target, Options: CheckedOptions(t))).ToList();
        var runner = request.Runner ?? new RecipeRunner();
        runner.Prepare(request.RecipePath, progress, cancellationToken);
        using var imported = await BuildPipeline.ImportAsync(request.StagePath, request.Import, progress, cancellationToken).ConfigureAwait(false);
        var planner = new RecipePlanner(runner);
        var plans = new List<RecipePlan>();
        foreach (var (target, options) in targets)
        {
            var clock = Stopwatch.StartNew();
            var phase = $"{target.Name}:plan";
            progress.Report(new PhaseStarted(phase));
            using var tree = imported.RootFs.Clone();
            tree.NewEntryTime = request.SourceDateEpoch ?? UnixTime.FromDateTimeOffset(DateTimeOffset.UtcNow);
            var image = new ImageConfig { Architecture = imported.Stage.Architecture, Variant = imported.Stage.Variant };
            target.Prepare(new TargetPrepareContext { RootFs = tree, Image = image, Stage = imported.Stage, Options = options, Progress = progress });
            var context = new RecipeContext
            {
                RootFs = tree,
                Image = image,
                Stage = imported.Stage,
                Target = new RecipeTarget(target.Name, options),
                Args = request.Args,
                Progress = progress,
            };
            plans.Add(await planner.PlanAsync(request.RecipePath, tree, context, cancellationToken).ConfigureAwait(false));
            progress.Report(new PhaseCompleted(phase, clock.Elapsed));
        }
        return plans;
    }

    private static TargetOptionValues CheckedOptions(TargetRequest request)
    {
        var problems = TargetOptionChecker.Problems(request.Target, request.Options);
        return problems.Count > 0
            ? throw new UsageException($"{request.Target.Name}: {string.Join("; ", problems)}")
            : TargetOptionChecker.WithDefaults(request.Target, request.Options);
    }
}
