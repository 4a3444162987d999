using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Tree;

namespace Boxer.Core.Pipeline;

/// <summary>
/// One target's way from the imported stage to its artifact, the one path the build, the plan, the wizard and
/// every verb share: its own clone of the tree, <see cref="ITarget.Prepare"/>, the image configuration and the
/// recipe (<see cref="PrepareAsync"/>), then either the write (<see cref="WriteAsync"/>) or, for a plan, nothing
/// more. Because a plan is this path stopped before the write, it cannot disagree with the build.
/// </summary>
public sealed class TargetRun : IDisposable
{
    private readonly ImportedStage _imported;
    private readonly BuildRequest _request;
    private RootFs? _tree;
    private RootFs? _beforeRecipe;
    private ImageConfigView? _image;

    /// <summary>Starts a run with options already checked (see <see cref="TargetOptionChecker.Checked"/>).</summary>
    internal TargetRun(ImportedStage imported, ITarget target, TargetOptionValues options, BuildRequest request, TargetRunMode mode, SbomDocument? sbom = null)
    {
        Sbom = sbom;
        _imported = imported;
        _request = request;
        Target = target;
        Options = options;
        Mode = mode;
    }

    /// <summary>The target.</summary>
    public ITarget Target { get; }

    /// <summary>The target's option values, checked for <see cref="Mode"/>, defaults applied.</summary>
    public TargetOptionValues Options { get; }

    /// <summary>Whether the run may write.</summary>
    public TargetRunMode Mode { get; }

    /// <summary>Facts about the stage3.</summary>
    public StageInfo Stage => _imported.Stage;

    /// <summary>The finalized tree, as the target writes it; set by <see cref="PrepareAsync"/>.</summary>
    public IReadOnlyRootFs Tree => Prepared(_tree).AsReadOnly();

    /// <summary>The finalized image configuration, as the target receives it; set by <see cref="PrepareAsync"/>.</summary>
    public ImageConfigView Image => Prepared(_image);

    /// <summary>The build's bill of materials (made once, before any recipe), or null for none.</summary>
    public SbomDocument? Sbom { get; }

    /// <summary>The recipe that finalizes the tree, for labels and plans.</summary>
    public RecipeInfo Recipe => _request.Finalizer.Recipe;

    /// <summary>What the recipe reported besides its edits; set by <see cref="PrepareAsync"/>.</summary>
    public FinalizeReport Report { get; private set; } = FinalizeReport.Empty;

    /// <summary>The tree after <see cref="ITarget.Prepare"/> and before the recipe; kept by a plan only, to diff against.</summary>
    internal RootFs? BeforeRecipe => _beforeRecipe;

    /// <summary>The finalized tree itself, for a plan's diff (which compares trees by their shared content).</summary>
    internal RootFs FinalTree => Prepared(_tree);

    /// <summary>Clones the stage's tree, lets the target prepare it, starts the image configuration and runs the recipe.</summary>
    /// <param name="progress">Receives the prepare and recipe phases and the recipe's log lines.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task PrepareAsync(IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        if (_tree is not null)
        {
            throw new InvalidOperationException("a target run is prepared once");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var tree = _tree = _imported.RootFs.Clone();
        // What Prepare and the recipe create must carry the reproducible time, not the wall clock.
        tree.NewEntryTime = _request.SourceDateEpoch ?? UnixTime.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var image = new ImageConfig { Architecture = Stage.Architecture, Created = _request.SourceDateEpoch?.ToDateTimeOffset() };
        await PhaseAsync($"{Target.Name}:prepare", progress, () =>
        {
            Target.Prepare(new TargetPrepareContext { RootFs = tree, Image = image, Stage = Stage, Options = Options, Sbom = Sbom, Progress = progress });
            return Task.CompletedTask;
        });
        if (Mode == TargetRunMode.Plan)
        {
            _beforeRecipe = tree.Clone();
        }
        if (_request.Finalizer is not NoFinalizer)
        {
            var context = new FinalizeContext
            {
                TargetName = Target.Name,
                RootFs = tree,
                Image = image,
                Stage = Stage,
                Options = Options,
                Progress = progress,
            };
            await PhaseAsync($"{Target.Name}:recipe", progress, async () =>
                Report = await _request.Finalizer.FinalizeAsync(context, cancellationToken).ConfigureAwait(false));
        }
        // Frozen here: the target writes exactly what the recipe left, and what a plan shows.
        _image = image.AsReadOnly();
    }

    /// <summary>Has the target write its artifact from the finalized tree and configuration.</summary>
    /// <param name="progress">Receives the target's phases, progress and artifacts.</param>
    /// <param name="cancellationToken">Cancels the write; the target removes what it wrote.</param>
    /// <returns>What the target produced.</returns>
    /// <exception cref="InvalidOperationException">The run is a plan, or was not prepared.</exception>
    public Task<IReadOnlyList<Artifact>> WriteAsync(IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        if (Mode != TargetRunMode.Write)
        {
            throw new InvalidOperationException("a plan stops before the write: its options were not checked for writing");
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Target.BuildAsync(BuildContext(progress), cancellationToken);
    }

    /// <summary>What the target's write receives: the finalized tree and configuration, the stage and the options.</summary>
    /// <param name="progress">Receives the target's phases, progress and artifacts.</param>
    internal TargetBuildContext BuildContext(IProgress<BuildEvent> progress) =>
        new()
        {
            RootFs = Tree,
            Image = Image,
            Stage = Stage,
            Options = Options,
            Recipe = Recipe,
            Sbom = Sbom,
            SourceDateEpoch = _request.SourceDateEpoch,
            BoxerVersion = _request.BoxerVersion,
            WorkingDirectory = _request.WorkingDirectory,
            Progress = progress,
        };

    /// <summary>Releases the clones; the imported stage is left to its owner.</summary>
    public void Dispose()
    {
        _beforeRecipe?.Dispose();
        _tree?.Dispose();
    }

    private static T Prepared<T>(T? value) where T : class =>
        value ?? throw new InvalidOperationException("the target run is not prepared yet");

    private static async Task PhaseAsync(string phase, IProgress<BuildEvent> progress, Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        progress.Report(new PhaseStarted(phase));
        await action().ConfigureAwait(false);
        progress.Report(new PhaseCompleted(phase, clock.Elapsed));
    }
}
