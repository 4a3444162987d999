using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Tree;

namespace Boxer.Core.Pipeline;

/// <summary>
/// The one build path every face uses: check all options, import the stage3 once, then for each target
/// clone the tree, let the target prepare it, finalize it (the recipe) and have the target write from a
/// read-only view. Temporary state (the spool, the clones) is disposed on every path.
/// </summary>
public static class BuildPipeline
{
    /// <summary>Runs the build.</summary>
    /// <param name="request">What to build.</param>
    /// <param name="progress">Receives phases, progress, log lines and artifacts.</param>
    /// <param name="cancellationToken">Cancels the build; targets remove their partial outputs.</param>
    /// <returns>The stage facts and every artifact.</returns>
    /// <exception cref="UsageException">An option value is wrong; nothing was read.</exception>
    /// <exception cref="StageException">The stage3 is missing or unusable.</exception>
    /// <exception cref="TargetException">A target could not produce its artifact.</exception>
    public static async Task<BuildResult> RunAsync(
        BuildRequest request, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var targets = CheckOptions(request);
        using var imported = await ImportAsync(request.StagePath, request.Import, progress, cancellationToken);
        return await BuildTargetsAsync(targets, imported, request, progress, cancellationToken);
    }

    /// <summary>
    /// Runs the build from a stage that is already imported (the TUI imports once to show the facts, then
    /// builds); <see cref="BuildRequest.StagePath"/> is not read. The caller keeps and disposes the stage.
    /// </summary>
    /// <param name="request">What to build.</param>
    /// <param name="imported">The imported stage; left unchanged, as each target works on its own clone.</param>
    /// <param name="progress">Receives phases, progress, log lines and artifacts.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The stage facts and every artifact.</returns>
    public static Task<BuildResult> RunAsync(
        BuildRequest request, ImportedStage imported, IProgress<BuildEvent> progress, CancellationToken cancellationToken) =>
        BuildTargetsAsync(CheckOptions(request), imported, request, progress, cancellationToken);

    /// <summary>Imports a stage3 as the pipeline does (phase events, a clear error for a missing file).</summary>
    /// <param name="stagePath">The stage3 tarball.</param>
    /// <param name="options">How to import it.</param>
    /// <param name="progress">Receives the import phase.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="StageException">The stage3 is missing or unusable.</exception>
    /// <exception cref="Tree.SpoolFullException">The spool's disk (TMPDIR) is full.</exception>
    public static async Task<ImportedStage> ImportAsync(
        string stagePath, ImportOptions? options, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(stagePath))
        {
            throw new StageException(Directory.Exists(stagePath)
                ? $"{stagePath}: is a directory, not a stage3 tarball"
                : $"{stagePath}: no such file");
        }
        string spool = Path.GetFullPath(options?.SpoolDirectory ?? Path.GetTempPath());
        CheckSpoolSpace(stagePath, spool);
        // The importer reports the import phase (and its decoder, for --verbose) itself.
        return await StageImporter.ImportAsync(stagePath, options, progress, cancellationToken);
    }

    /// <summary>
    /// Refuses up front when the spool's disk cannot hold the content, where its size is known: an
    /// uncompressed tar holds at most its own length. A compressed stage3 is checked as it is unpacked.
    /// </summary>
    private static void CheckSpoolSpace(string stagePath, string spool)
    {
        const int MagicOffset = 257;
        Span<byte> magic = stackalloc byte[5];
        long length;
        try
        {
            using var file = File.OpenRead(stagePath);
            length = file.Length;
            if (length < MagicOffset + magic.Length)
            {
                return;
            }
            file.Position = MagicOffset;
            file.ReadExactly(magic);
            long free = new DriveInfo(spool).AvailableFreeSpace;
            if (magic.SequenceEqual("ustar"u8) && length > free)
            {
                throw new Tree.SpoolFullException(spool, null, length, free);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // the importer reports an unreadable stage3 in its own words; a disk DriveInfo cannot read is checked as it fills
        }
    }

    private static async Task<BuildResult> BuildTargetsAsync(
        List<(ITarget Target, TargetOptionValues Options)> targets, ImportedStage imported, BuildRequest request,
        IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var artifacts = new List<Artifact>();
        foreach (var (target, options) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            artifacts.AddRange(await BuildTargetAsync(imported, target, options, request, progress, cancellationToken));
        }
        return new BuildResult(imported.Stage, imported.Decoder, artifacts);
    }

    private static List<(ITarget Target, TargetOptionValues Options)> CheckOptions(BuildRequest request)
    {
        if (request.Targets.Count == 0)
        {
            throw new UsageException("no target to build");
        }
        var checkedTargets = new List<(ITarget, TargetOptionValues)>();
        foreach (var (target, given) in request.Targets)
        {
            var problems = TargetOptionChecker.Problems(target, given);
            if (problems.Count > 0)
            {
                throw new UsageException($"{target.Name}: {string.Join("; ", problems)}");
            }
            checkedTargets.Add((target, TargetOptionChecker.WithDefaults(target, given)));
        }
        return checkedTargets;
    }

    private static async Task<IReadOnlyList<Artifact>> BuildTargetAsync(
        ImportedStage imported, ITarget target, TargetOptionValues options, BuildRequest request,
        IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        using var tree = imported.RootFs.Clone();
        // What Prepare and the recipe create must carry the reproducible time, not the wall clock.
        tree.NewEntryTime = request.SourceDateEpoch ?? UnixTime.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var image = NewImage(imported.Stage, request);
        await PhaseAsync($"{target.Name}:prepare", progress, () =>
        {
            target.Prepare(new TargetPrepareContext
            {
                RootFs = tree,
                Image = image,
                Stage = imported.Stage,
                Options = options,
                Progress = progress,
            });
            return Task.CompletedTask;
        });
        var finalize = new FinalizeContext
        {
            TargetName = target.Name,
            RootFs = tree,
            Image = image,
            Stage = imported.Stage,
            Options = options,
            Progress = progress,
        };
        if (request.Finalizer is not NoFinalizer)
        {
            await PhaseAsync($"{target.Name}:recipe", progress, () => request.Finalizer.FinalizeAsync(finalize, cancellationToken));
        }
        return await target.BuildAsync(BuildContext(tree, image, imported.Stage, options, request, progress), cancellationToken);
    }

    private static TargetBuildContext BuildContext(
        RootFs tree, ImageConfig image, StageInfo stage, TargetOptionValues options, BuildRequest request,
        IProgress<BuildEvent> progress) => new()
        {
            RootFs = tree.AsReadOnly(),
            Image = image,
            Stage = stage,
            Options = options,
            Recipe = request.Finalizer.Recipe,
            SourceDateEpoch = request.SourceDateEpoch,
            BoxerVersion = request.BoxerVersion,
            WorkingDirectory = request.WorkingDirectory,
            Progress = progress,
        };

    private static ImageConfig NewImage(StageInfo stage, BuildRequest request)
    {
        var image = new ImageConfig { Created = request.SourceDateEpoch?.ToDateTimeOffset() };
        if (stage.Architecture != "unknown")
        {
            image.Architecture = stage.Architecture;
            image.Variant = stage.Variant;
        }
        return image;
    }

    private static async Task PhaseAsync(string phase, IProgress<BuildEvent> progress, Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        progress.Report(new PhaseStarted(phase));
        await action();
        progress.Report(new PhaseCompleted(phase, clock.Elapsed));
    }
}
