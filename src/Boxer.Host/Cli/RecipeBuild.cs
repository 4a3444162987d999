using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;

namespace Boxer.Host.Cli;

/// <summary>Runs a build verb with its recipe choice: a plan printed on stdout, or the pipeline with the recipe as finalizer.</summary>
internal static class RecipeBuild
{
    public static async Task<int> RunAsync(
        IReadOnlyList<TargetRequest> targets, string stagePath, RecipeChoice choice, Boxer.Core.Sources.SourceOptions sources, CliConsole console,
        CancellationToken cancellationToken)
    {
        IProgress<Boxer.Abstractions.BuildEvent> progress = choice.Json && !choice.Plan
            ? JsonEventWriter.For(console.Out)
            : new HeadlessProgress(console);
        var finalizer = choice.RecipePath is null ? null : new RecipeFinalizer(choice.RecipePath, choice.Args);
        // Compile errors come before a long import, for a plan as for a build.
        finalizer?.Prepare(progress);
        var request = new BuildRequest
        {
            StagePath = stagePath,
            Sources = sources,
            Targets = targets,
            Finalizer = finalizer ?? (IFinalizer)NoFinalizer.Instance,
            SourceDateEpoch = SourceDateEpochVariable.Read(),
            BoxerVersion = HostVersion.Current,
            Verbose = console.Verbose,
        };
        console.NoteSpool();
        if (choice.Plan)
        {
            var plans = await RecipePlanPipeline.PlanAsync(request, progress, cancellationToken);
            foreach (var plan in plans)
            {
                await console.Out.WriteAsync(choice.Json ? PlanJsonRenderer.Render(plan) : PlanTextRenderer.Render(plan));
            }
            return ExitCode.Success;
        }
        var result = await BuildPipeline.RunAsync(request, progress, cancellationToken);
        if (progress is JsonEventWriter json)
        {
            // Failures get their result object from Program, where exceptions become exit codes.
            json.WriteResult(ExitCode.Success, null, result.Artifacts, result.Stage.Provenance);
            return ExitCode.Success;
        }
        ArtifactPrinter.Print(result.Artifacts, console.Out);
        return ExitCode.Success;
    }
}
