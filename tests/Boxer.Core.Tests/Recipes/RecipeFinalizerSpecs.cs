using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Tests.Recipes.Support;

namespace Boxer.Core.Tests.Recipes;

public sealed class RecipeFinalizerSpecs : IDisposable
{
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task The_finalizer_runs_the_recipe_for_the_pipeline_s_target_with_its_args()
    {
        var fs = MiniStage.Create();
        var image = new ImageConfig();
        var finalizer = new RecipeFinalizer(
            RecipeSandbox.Shipped("openrc-server.csx"), new Dictionary<string, string> { ["prune-pkgdb"] = "yes" }, Runner());

        await finalizer.FinalizeAsync(new FinalizeContext
        {
            TargetName = "sif",
            RootFs = fs,
            Image = image,
            Stage = MiniStage.Stage(),
            Options = TargetOptionValues.Empty,
            Progress = new Progress<BuildEvent>(),
        }, CancellationToken.None);

        Assert.Contains("rc_sys=\"lxc\"\n", fs.ReadAllText("etc/rc.conf"), StringComparison.Ordinal);
        Assert.False(fs.Exists("var/db/pkg/sys-kernel/gentoo-sources-6.6.13"));
        Assert.Equal(["/sbin/init"], image.Entrypoint);
        Assert.Equal("openrc-server.csx", finalizer.Recipe.Name);
        Assert.Equal(RecipeSourceSet.Read(RecipeSandbox.Shipped("openrc-server.csx")).Sha256, finalizer.Recipe.Sha256);
    }

    [Fact]
    public void A_recipe_that_does_not_compile_fails_when_prepared_before_any_import()
    {
        var recipe = RecipeSandbox.Fixture("errors/compile-error.csx");
        var finalizer = new RecipeFinalizer(recipe, runner: Runner());

        var error = Assert.Throws<RecipeException>(() => finalizer.Prepare());

        Assert.StartsWith($"{recipe}:4:1: error CS0103:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_recipe_fails_when_the_finalizer_is_made()
    {
        var error = Assert.Throws<RecipeException>(() => new RecipeFinalizer("missing.csx", runner: Runner()));

        Assert.Equal("recipe not found: missing.csx", error.Message);
    }

    private RecipeRunner Runner() => new(new RecipeRunnerOptions { CacheDirectory = _sandbox.CacheDirectory });

    public void Dispose() => _sandbox.Dispose();
}
