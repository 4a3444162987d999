using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Pipeline;

/// <summary>
/// The build every face uses: check all options, import the stage3 once, then for each target one
/// <see cref="TargetRun"/> (clone, prepare, image configuration, recipe) that writes. <c>RecipePlanPipeline</c>
/// runs the same loop and stops before the write. Temporary state (the spool, the clones) is disposed on every path.
/// </summary>
public static partial class BuildPipeline
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
        var targets = CheckOptions(request, TargetRunMode.Write);
        if (request.AllStagePaths.Count > 1)
        {
            return await MultiStageBuild.RunAsync(targets, request, progress, cancellationToken).ConfigureAwait(false);
        }
        using var imported = await ImportAsync(request.StagePath, request.Import, request.Sources, progress, cancellationToken);
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
        BuildTargetsAsync(CheckOptions(request, TargetRunMode.Write), imported, request, progress, cancellationToken);

    /// <summary>Imports a stage3 as the pipeline does, resolving <paramref name="stagePath"/> with the documented defaults.</summary>
    /// <param name="stagePath">The stage3: a path, an http(s) URL or a <c>gentoo:</c> name.</param>
    /// <param name="options">How to import it.</param>
    /// <param name="progress">Receives the import phase.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="StageException">The stage3 is missing or unusable.</exception>
    /// <exception cref="Tree.SpoolFullException">The spool's disk (TMPDIR) is full.</exception>
    public static Task<ImportedStage> ImportAsync(
        string stagePath, ImportOptions? options, IProgress<BuildEvent> progress, CancellationToken cancellationToken) =>
        ImportAsync(stagePath, options, null, progress, cancellationToken);

    /// <summary>Imports the file a resolved stage names, as the pipeline does (phase events, a clear error for a missing file).</summary>
    private static async Task<ImportedStage> ImportFileAsync(
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

    /// <summary>
    /// The loop both the build and the plan run: one <see cref="TargetRun"/> per target, prepared, then handed
    /// to <paramref name="finish"/> (the write, or the plan's description) while its clone is still alive.
    /// </summary>
    internal static async Task<IReadOnlyList<T>> RunTargetsAsync<T>(
        IReadOnlyList<(ITarget Target, TargetOptionValues Options)> targets, ImportedStage imported, BuildRequest request,
        TargetRunMode mode, Func<TargetRun, Task<T>> finish, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        // Once for all targets, from the imported tree: no recipe has run yet on any clone.
        var sbom = Sbom.SbomSnapshot.Take(imported, request, progress);
        foreach (var (target, options) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var run = new TargetRun(imported, target, options, request, mode, sbom);
            await run.PrepareAsync(progress, cancellationToken).ConfigureAwait(false);
            results.Add(await finish(run).ConfigureAwait(false));
        }
        return results;
    }

    /// <summary>Every target's values checked for <paramref name="mode"/>, before anything is read.</summary>
    /// <exception cref="UsageException">There is no target, or a value is wrong.</exception>
    internal static List<(ITarget Target, TargetOptionValues Options)> CheckOptions(BuildRequest request, TargetRunMode mode)
    {
        if (request.Targets.Count == 0)
        {
            throw new UsageException("no target to build");
        }
        return [.. request.Targets.Select(t => (t.Target, TargetOptionChecker.Checked(t, mode)))];
    }

    private static async Task<BuildResult> BuildTargetsAsync(
        List<(ITarget Target, TargetOptionValues Options)> targets, ImportedStage imported, BuildRequest request,
        IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var failures = new List<TargetFailure>();
        var written = await RunTargetsAsync(targets, imported, request, TargetRunMode.Write,
            async run =>
            {
                try
                {
                    return await run.WriteAsync(progress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (request.IsolateTargetFailures && IsTargetFailure(e))
                {
                    // The target removed its partial output; what the targets before it wrote stays.
                    failures.Add(new TargetFailure(run.Target.Name, e));
                    return [];
                }
            }, progress, cancellationToken).ConfigureAwait(false);
        return new BuildResult(imported.Stage, imported.Decoder, [.. written.SelectMany(a => a)]) { Failures = failures };
    }

    /// <summary>What one target's write can fail with without the build itself being wrong (not a cancel, not a bug).</summary>
    internal static bool IsTargetFailure(Exception e) =>
        e is TargetException or IOException or UnauthorizedAccessException;
}
