using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;

namespace Boxer.Host.Cli;

/// <summary>Runs a build verb with its recipe choice: a plan printed on stdout, or the pipeline with the recipe as finalizer.</summary>
internal static class RecipeBuild
{
    public static async Task<int> RunAsync(
        IReadOnlyList<TargetRequest> targets, string stagePath, RecipeChoice choice, CliConsole console, CancellationToken cancellationToken)
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
            Targets = targets,
            Finalizer = finalizer ?? (IFinalizer)NoFinalizer.Instance,
            SourceDateEpoch = SourceDateEpochVariable.Read(),
            Sbom = choice.Sbom,
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
        if (progress is not JsonEventWriter)
        {
            ArtifactPrinter.Print(result.Artifacts, console.Out);
        }
        int code = choice.Test ? await BuildTests.RunAsync(targets, result.Artifacts, progress, console, cancellationToken) : ExitCode.Success;
        if (progress is JsonEventWriter json)
        {
            // Failures get their result object from Program, where exceptions become exit codes.
            json.WriteResult(code, code == ExitCode.Success ? null : "the image failed its test", result.Artifacts);
        }
        return code;
    }
}
