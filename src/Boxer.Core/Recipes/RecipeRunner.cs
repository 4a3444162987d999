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

    public RecipeCache Cache => new(_options.CacheDirectory ?? RecipeCache.DefaultDirectory);

    /// <summary>Runs the recipe at <paramref name="recipePath"/> over <paramref name="context"/>'s tree.</summary>
    /// <exception cref="RecipeException">The recipe is missing, does not compile, or failed; the message is for the user.</exception>
    public async Task<RecipeRunResult> RunAsync(string recipePath, RecipeContext context, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sources = RecipeSourceSet.Read(recipePath);
        var (compiled, hit) = Obtain(sources, context, cancellationToken);
        var name = Path.GetFileName(sources.Main.FullPath);
        var (entry, loadContext) = RecipeAssemblyLoader.Load(compiled, name);
        var prepared = clock.Elapsed;
        var globals = new RecipeGlobals(context);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await entry([globals, null]).ConfigureAwait(false);
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

    private (CompiledRecipe Compiled, bool Hit) Obtain(RecipeSourceSet sources, RecipeContext context, CancellationToken cancellationToken)
    {
        var cache = Cache;
        var key = RecipeCache.KeyOf(sources);
        if (_options.UseCache && cache.TryGet(key) is { } cached)
        {
            return (cached, true);
        }
        var compiled = RecipeCompilerLoader.Load().Compile(sources, cancellationToken);
        if (_options.UseCache && cache.TryPut(key, compiled) is { } problem)
        {
            context.Progress.Report(new LogMessage(BuildLogLevel.Debug, problem, RecipeLog.Source));
        }
        return (compiled, false);
    }
}
