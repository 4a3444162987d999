using Boxer.Abstractions;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Recipes;

/// <summary>The pipeline's finalizer that runs a <c>.csx</c> recipe on each target's tree.</summary>
public sealed class RecipeFinalizer : IFinalizer
{
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string> _args;
    private readonly RecipeRunner _runner;

    /// <summary>Reads the recipe (and its <c>#load</c>s) at once, so a missing file fails before the import.</summary>
    /// <exception cref="RecipeException">The recipe or a file it loads is missing.</exception>
    public RecipeFinalizer(string recipePath, IReadOnlyDictionary<string, string>? args = null, RecipeRunner? runner = null)
    {
        var sources = RecipeSourceSet.Read(recipePath);
        _path = sources.Main.FullPath;
        _args = args ?? new Dictionary<string, string>();
        _runner = runner ?? new RecipeRunner();
        Recipe = new RecipeInfo(Path.GetFileName(_path), sources.Sha256);
    }

    public RecipeInfo Recipe { get; }

    /// <summary>Compiles the recipe (or finds it cached) before the build starts, so compile errors come first.</summary>
    /// <exception cref="RecipeException">The recipe does not compile.</exception>
    public void Prepare(IProgress<BuildEvent>? progress = null) => _runner.Prepare(_path, progress);

    public async Task<FinalizeReport> FinalizeAsync(FinalizeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _runner.RunAsync(_path, new RecipeContext
        {
            RootFs = context.RootFs,
            Image = context.Image,
            Stage = context.Stage,
            Target = new RecipeTarget(context.TargetName, context.Options),
            Args = _args,
            Progress = context.Progress,
        }, cancellationToken).ConfigureAwait(false);
        context.Progress.Report(new LogMessage(BuildLogLevel.Debug,
            $"{Recipe.Name}: loaded in {result.PrepareTime.TotalMilliseconds:0} ms, ran in {result.RunTime.TotalMilliseconds:0} ms", RecipeLog.Source));
        return new FinalizeReport(result.Globals.OpenRC.Dropped, result.Globals.Log.Messages);
    }
}
