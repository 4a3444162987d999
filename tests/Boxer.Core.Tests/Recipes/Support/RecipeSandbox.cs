using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Tree;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Recipes.Support;

// A private recipe cache (and scratch folder) per test, so tests never share or pollute ~/.cache.
internal sealed class RecipeSandbox : IDisposable
{
    public RecipeSandbox()
    {
        Root = Directory.CreateTempSubdirectory("boxer-recipes-").FullName;
        CacheDirectory = Path.Combine(Root, "cache");
    }

    public string Root { get; }

    public string CacheDirectory { get; }

    public List<BuildEvent> Events { get; } = [];

    public static string Fixture(string relative) => Path.Combine(RepoPaths.Root, "tests", "recipe-fixtures", relative);

    public static string Shipped(string name) => Path.Combine(RepoPaths.Recipes, name);

    /// <summary>Copies a fixture folder into the sandbox so a test may edit it.</summary>
    public string CopyFixtures(string folder)
    {
        var source = Fixture(folder);
        var target = Path.Combine(Root, folder);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public RecipeContext Context(IRootFs fs, string target = "docker", InitSystem init = InitSystem.OpenRC, params string[] args) => new()
    {
        RootFs = fs,
        Image = new ImageConfig(),
        Stage = MiniStage.Stage(init),
        Target = new RecipeTarget(target),
        Args = RecipeArgs.Parse(args),
        Progress = new SyncProgress(Events.Add),
    };

    public Task<RecipeRunResult> RunAsync(string recipe, RecipeContext context) =>
        new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = CacheDirectory }).RunAsync(recipe, context);

    public async Task<(RootFs Tree, RecipeContext Context, RecipeRunResult Result)> RunOnMiniStageAsync(
        string recipe, string target = "docker", params string[] args)
    {
        var fs = MiniStage.Create();
        var context = Context(fs, target, InitSystem.OpenRC, args);
        return (fs, context, await RunAsync(recipe, context));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    // Progress<T> posts to the thread pool; tests need the events in order and at once.
    private sealed class SyncProgress(Action<BuildEvent> report) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value) => report(value);
    }
}
