using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Core.Recipes.Compilation;

namespace Boxer.Core.Recipes;

/// <summary>
/// Runs a <c>.csx</c> recipe over a tree: reads it and its <c>#load</c>s, takes the compiled form from the cache
/// or compiles it (loading Roslyn only then), and runs it with <see cref="RecipeGlobals"/>.
/// </summary>
public sealed class RecipeRunner(RecipeRunnerOptions? options = null)
{
    private readonly RecipeRunnerOptions _options = options ?? new RecipeRunnerOptions();

    private readonly Dictionary<string, CompiledRecipe> _compiled = new(StringComparer.Ordinal);

    public RecipeCache Cache => new(_options.CacheDirectory ?? RecipeCache.DefaultDirectory);

    /// <summary>
    /// Compiles the recipe now (or finds it in the cache), so that a recipe that does not compile fails before a
    /// long import rather than after it.
    /// </summary>
    /// <returns>True when the compiled recipe came from the cache.</returns>
    /// <exception cref="RecipeException">The recipe is missing or does not compile.</exception>
    public bool Prepare(string recipePath, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sources = RecipeSourceSet.Read(recipePath);
        var hit = Obtain(sources, progress, cancellationToken).Hit;
        var how = hit ? "loaded from the cache" : "compiled";
        progress?.Report(new LogMessage(BuildLogLevel.Debug,
            $"{Path.GetFileName(sources.Main.FullPath)}: {how} in {clock.Elapsed.TotalMilliseconds:0} ms", RecipeLog.Source));
        return hit;
    }

    /// <summary>Runs the recipe at <paramref name="recipePath"/> over <paramref name="context"/>'s tree.</summary>
    /// <exception cref="RecipeException">The recipe is missing, does not compile, or failed; the message is for the user.</exception>
    public async Task<RecipeRunResult> RunAsync(string recipePath, RecipeContext context, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sources = RecipeSourceSet.Read(recipePath);
        var (compiled, hit) = Obtain(sources, context.Progress, cancellationToken);
        var name = Path.GetFileName(sources.Main.FullPath);
        if (!TryLoad(compiled, name, out var entry, out var loadContext))
        {
            // A damaged cache entry (a crash mid-write, a full disk) costs one compile, not a failed build.
            context.Progress.Report(new LogMessage(BuildLogLevel.Debug, $"{name}: cache entry unusable, compiling", RecipeLog.Source));
            Forget(sources);
            (compiled, hit) = Obtain(sources, context.Progress, cancellationToken);
            (entry, loadContext) = RecipeAssemblyLoader.Load(compiled, name);
        }
        var prepared = clock.Elapsed;
        var globals = new RecipeGlobals(context);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunCancellablyAsync(() => entry([globals, null]), name, context.Progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw RecipeRuntimeErrors.Map(e, sources);
        }
        finally
        {
            loadContext.Unload();
        }
        return new RecipeRunResult
        {
            Recipe = new RecipeInfo(name, sources.Sha256),
            CacheHit = hit,
            PrepareTime = prepared,
            RunTime = clock.Elapsed - prepared,
            Globals = globals,
        };
    }

    /// <summary>How long a cancelled recipe may take to notice before the build stops without it.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the recipe on a pool thread, so that one that never checks its token (an endless loop) cannot
    /// hold the build: after a cancel it gets <see cref="StopGrace"/>, then is abandoned, with a warning
    /// naming it. The process ends soon after, taking the abandoned thread with it.
    /// </summary>
    private static async Task RunCancellablyAsync(
        Func<Task> recipe, string name, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var running = Task.Run(recipe, CancellationToken.None);
        try
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!running.IsCompleted)
        {
            if (await Task.WhenAny(running, Task.Delay(StopGrace, CancellationToken.None)).ConfigureAwait(false) != running)
            {
                progress.Report(new LogMessage(BuildLogLevel.Warning,
                    $"{name}: still running {StopGrace.TotalSeconds:0} s after the cancel; abandoned", RecipeLog.Source));
            }
            throw;
        }
    }

    private static bool TryLoad(
        CompiledRecipe compiled, string name, out Func<object?[], Task<object>> entry, out System.Runtime.Loader.AssemblyLoadContext context)
    {
        try
        {
            (entry, context) = RecipeAssemblyLoader.Load(compiled, name);
            return true;
        }
        catch (Exception e) when (e is BadImageFormatException or RecipeException)
        {
            (entry, context) = (null!, null!);
            return false;
        }
    }

    private void Forget(RecipeSourceSet sources)
    {
        var key = RecipeCache.KeyOf(sources);
        lock (_compiled)
        {
            _compiled.Remove(key);
        }
        Cache.Remove(key);
    }

    // Compiled recipes are also kept for the life of the runner: one build runs the recipe once per target.
    private (CompiledRecipe Compiled, bool Hit) Obtain(RecipeSourceSet sources, IProgress<BuildEvent>? progress, CancellationToken cancellationToken)
    {
        var cache = Cache;
        var key = RecipeCache.KeyOf(sources);
        lock (_compiled)
        {
            if (_compiled.TryGetValue(key, out var known))
            {
                return (known, true);
            }
        }
        var cached = _options.UseCache ? cache.TryGet(key) : null;
        var compiled = cached ?? RecipeCompilerLoader.Load().Compile(sources, cancellationToken);
        if (cached is null && _options.UseCache && cache.TryPut(key, compiled) is { } problem)
        {
            progress?.Report(new LogMessage(BuildLogLevel.Debug, problem, RecipeLog.Source));
        }
        lock (_compiled)
        {
            _compiled[key] = compiled;
        }
        return (compiled, cached is not null);
    }
}
