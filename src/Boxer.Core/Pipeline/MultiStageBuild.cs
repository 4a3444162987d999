using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Pipeline;

/// <summary>
/// The build from several stage3s of different platforms: each imported once, in turn (the spool holds the
/// content on disk, so memory grows by the entry tables only), then per target either one
/// <see cref="IMultiPlatformTarget.BuildPlatformsAsync"/> over every platform's <see cref="TargetRun"/>, or one
/// ordinary write per stage with the <c>out</c> option named per architecture.
/// </summary>
internal static class MultiStageBuild
{
    /// <summary>The option whose value the host names per architecture for a target that writes one output per stage.</summary>
    private const string OutOption = "out";

    public static async Task<BuildResult> RunAsync(
        List<(ITarget Target, TargetOptionValues Options)> targets, BuildRequest request, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var imported = new List<ImportedStage>();
        try
        {
            foreach (var path in request.AllStagePaths)
            {
                imported.Add(await BuildPipeline.ImportAsync(path, request.Import, request.Sources, progress, cancellationToken).ConfigureAwait(false));
                RefuseSamePlatform(imported);
            }
            var artifacts = new List<Artifact>();
            var failures = new List<TargetFailure>();
            foreach (var (target, options) in targets)
            {
                try
                {
                    artifacts.AddRange(target is IMultiPlatformTarget multi
                        ? await BuildPlatformsAsync(multi, options, imported, request, progress, cancellationToken).ConfigureAwait(false)
                        : await BuildEachAsync(target, options, imported, request, progress, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (request.IsolateTargetFailures && BuildPipeline.IsTargetFailure(e))
                {
                    failures.Add(new TargetFailure(target.Name, e));
                }
            }
            return new BuildResult(imported[0].Stage, imported[0].Decoder, artifacts) { Failures = failures };
        }
        finally
        {
            imported.ForEach(i => i.Dispose());
        }
    }

    /// <summary>The name part an output gets per architecture: <c>amd64</c>, <c>arm-v7</c>.</summary>
    public static string ArchitectureSuffix(CpuArchitecture architecture) =>
        architecture.Variant is null ? architecture.Name : $"{architecture.Name}-{architecture.Variant}";

    /// <summary><c>b.sif</c> → <c>b-arm64.sif</c>; a name without extension (a directory) gets the suffix at its end.</summary>
    public static string PerArchitecturePath(string path, CpuArchitecture architecture)
    {
        string directory = Path.GetDirectoryName(path) ?? "";
        string name = Path.GetFileName(path.TrimEnd('/'));
        string extension = Path.GetExtension(name);
        string stem = name[..^extension.Length];
        return Path.Combine(directory, $"{stem}-{ArchitectureSuffix(architecture)}{extension}");
    }

    private static void RefuseSamePlatform(List<ImportedStage> imported)
    {
        var last = imported[^1].Stage;
        if (imported.SkipLast(1).FirstOrDefault(i => i.Stage.Architecture == last.Architecture) is { } earlier)
        {
            throw new UsageException(
                $"--stage {last.SourcePath}: same platform (linux/{last.Architecture}) as --stage {earlier.Stage.SourcePath}; give one stage per platform");
        }
    }

    private static async Task<IReadOnlyList<Artifact>> BuildPlatformsAsync(
        IMultiPlatformTarget target, TargetOptionValues options, List<ImportedStage> imported, BuildRequest request,
        IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var runs = new List<TargetRun>();
        try
        {
            foreach (var stage in imported)
            {
                var run = new TargetRun(stage, target, options, request, TargetRunMode.Write);
                runs.Add(run);
                await run.PrepareAsync(progress, cancellationToken).ConfigureAwait(false);
            }
            return await target.BuildPlatformsAsync([.. runs.Select(r => r.BuildContext(progress))], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            runs.ForEach(r => r.Dispose());
        }
    }

    private static async Task<IReadOnlyList<Artifact>> BuildEachAsync(
        ITarget target, TargetOptionValues options, List<ImportedStage> imported, BuildRequest request,
        IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var artifacts = new List<Artifact>();
        foreach (var stage in imported)
        {
            using var run = new TargetRun(stage, target, PerArchitecture(options, stage.Stage.Architecture), request, TargetRunMode.Write);
            await run.PrepareAsync(progress, cancellationToken).ConfigureAwait(false);
            artifacts.AddRange(await run.WriteAsync(progress, cancellationToken).ConfigureAwait(false));
        }
        return artifacts;
    }

    private static TargetOptionValues PerArchitecture(TargetOptionValues options, CpuArchitecture architecture)
    {
        if (options.GetString(OutOption) is not { Length: > 0 } path)
        {
            return options;
        }
        var values = new Dictionary<string, string>(options.All, StringComparer.Ordinal) { [OutOption] = PerArchitecturePath(path, architecture) };
        return new TargetOptionValues(values);
    }
}
