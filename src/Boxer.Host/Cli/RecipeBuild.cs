using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;

namespace Boxer.Host.Cli;

/// <summary>Runs a build verb with its recipe choice: a plan printed on stdout, or the pipeline with the recipe as finalizer.</summary>
internal static class RecipeBuild
{
    public static async Task<int> RunAsync(
        IReadOnlyList<TargetRequest> targets, IReadOnlyList<string> stagePaths, RecipeChoice choice, Boxer.Core.Sources.SourceOptions sources,
        CliConsole console, CancellationToken cancellationToken, bool isolateFailures = false)
    {
        IProgress<Boxer.Abstractions.BuildEvent> progress = choice.Json && !choice.Plan
            ? JsonEventWriter.For(console.Out)
            : new HeadlessProgress(console);
        var finalizer = choice.RecipePath is null ? null : new RecipeFinalizer(choice.RecipePath, choice.Args);
        // Compile errors come before a long import, for a plan as for a build.
        finalizer?.Prepare(progress);
        var request = new BuildRequest
        {
            StagePath = stagePaths[0],
            StagePaths = stagePaths,
            Sources = sources,
            Targets = targets,
            Finalizer = finalizer ?? (IFinalizer)NoFinalizer.Instance,
            SourceDateEpoch = SourceDateEpochVariable.Read(),
            Sbom = choice.Sbom,
            BoxerVersion = HostVersion.Current,
            Verbose = console.Verbose,
            IsolateTargetFailures = isolateFailures,
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
        var failed = result.Failures.Select(f => (f.Target, Message: Program.Describe(f.Error).Message)).ToList();
        failed.ForEach(f => console.Error.WriteLine($"boxer: {f.Message}"));
        if (progress is not JsonEventWriter)
        {
            ArtifactPrinter.Print(result.Artifacts, console.Out);
        }
        int code = failed.Count > 0 ? ExitCode.TargetFailure : ExitCode.Success;
        if (choice.Test)
        {
            int tested = await BuildTests.RunAsync(targets, result.Artifacts, progress, console, cancellationToken);
            code = code == ExitCode.Success ? tested : code;
        }
        if (progress is JsonEventWriter json)
        {
            // A failure that stopped the build gets its result object from Program, where exceptions become exit codes.
            string? error = failed.Count > 0 ? string.Join("; ", failed.Select(f => f.Message))
                : code == ExitCode.Success ? null : "the image failed its test";
            json.WriteResult(code, error, result.Artifacts, failed, result.Stage.Provenance);
        }
        return code;
    }
}
