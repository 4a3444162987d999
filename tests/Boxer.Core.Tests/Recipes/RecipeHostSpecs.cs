using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Tests.Recipes.Support;

namespace Boxer.Core.Tests.Recipes;

public sealed class RecipeHostSpecs : IDisposable
{
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task A_recipe_sees_the_target_args_stage_and_image_as_globals()
    {
        var fs = MiniStage.Create();
        var context = _sandbox.Context(fs, "docker", InitSystem.OpenRC, "name=web", "flag=yes");

        var result = await _sandbox.RunAsync(RecipeSandbox.Fixture("globals/globals.csx"), context);

        Assert.Equal(
            "target=docker\nis-docker=True\nname=web\nflag=True\ncount=7\narch=amd64\ninit=OpenRC\nos=Gentoo\n"
            + "source=stage3-amd64-openrc-20261124.tar.xz\n",
            fs.ReadAllText("etc/globals"));
        Assert.Equal(["/bin/sh"], context.Image.Entrypoint);
        Assert.Equal("yes", context.Image.Labels["org.example"]);
        Assert.Equal("globals.csx", result.Recipe.Name);
        Assert.Matches("^[0-9a-f]{64}$", result.Recipe.Sha256);
    }

    [Fact]
    public async Task Recipe_log_lines_are_reported_with_source_recipe_and_their_level()
    {
        var context = _sandbox.Context(MiniStage.Create());

        await _sandbox.RunAsync(RecipeSandbox.Fixture("globals/globals.csx"), context);

        var logs = _sandbox.Events.OfType<LogMessage>().Where(m => m.Source == "recipe").ToList();
        Assert.Equal(
            [(BuildLogLevel.Info, "hello"), (BuildLogLevel.Warning, "careful"), (BuildLogLevel.Debug, "detail")],
            logs.Select(l => (l.Level, l.Message)));
    }

    [Fact]
    public async Task A_loaded_file_s_functions_are_callable_from_the_recipe()
    {
        var fs = MiniStage.Create();

        await _sandbox.RunAsync(RecipeSandbox.Fixture("cache/main.csx"), _sandbox.Context(fs));

        Assert.Equal("one", fs.ReadAllText("etc/marker"));
    }

    [Fact]
    public async Task The_recipe_identity_covers_loaded_files()
    {
        var folder = _sandbox.CopyFixtures("cache");
        var first = RecipeSourceSet.Read(Path.Combine(folder, "main.csx"));
        await File.WriteAllTextAsync(Path.Combine(folder, "lib", "part.csx"), "string Marker() => \"two\";\n");
        var second = RecipeSourceSet.Read(Path.Combine(folder, "main.csx"));

        Assert.Equal(2, first.Sources.Count);
        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Fact]
    public void Bad_args_are_refused_with_the_key_named()
    {
        var args = new RecipeArgs(RecipeArgs.Parse(["flag=maybe", "count=x"]));

        Assert.Equal("--set flag=maybe: expected true or false", Assert.Throws<RecipeException>(() => args.GetBool("flag")).Message);
        Assert.Equal("--set count=x: expected a whole number", Assert.Throws<RecipeException>(() => args.GetInt("count")).Message);
        Assert.Equal("--set oops: expected key=value", Assert.Throws<RecipeException>(() => RecipeArgs.Parse(["oops"])).Message);
    }

    public void Dispose() => _sandbox.Dispose();
}
