using System.Diagnostics;
using Boxer.Core.Tests.Recipes.Support;

namespace Boxer.Core.Tests.Recipes;

// Each run happens in a fresh process (this test assembly's own entry point, RecipeProbe), so the assembly
// list it prints is exactly what one recipe run loaded.
public sealed class RecipeCacheSpecs : IDisposable
{
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task A_cache_hit_does_not_load_Roslyn()
    {
        var recipe = RecipeSandbox.Shipped("openrc-server.csx");

        var cold = await ProbeAsync(recipe);
        var warm = await ProbeAsync(recipe);

        Assert.Equal("hit=False", cold[0]);
        Assert.Contains("Microsoft.CodeAnalysis.CSharp.Scripting", cold);
        Assert.Equal(["hit=True"], warm);
    }

    [Fact]
    public async Task Changing_a_loaded_file_misses_the_cache()
    {
        var main = Path.Combine(_sandbox.CopyFixtures("cache"), "main.csx");
        await ProbeAsync(main);
        var unchanged = await ProbeAsync(main);

        await File.WriteAllTextAsync(Path.Combine(_sandbox.Root, "cache", "lib", "part.csx"), "string Marker() => \"two\";\n");
        var changed = await ProbeAsync(main);

        Assert.Equal("hit=True", unchanged[0]);
        Assert.Equal("hit=False", changed[0]);
    }

    [Fact]
    public async Task A_cached_recipe_runs_with_the_edited_loaded_file()
    {
        var main = Path.Combine(_sandbox.CopyFixtures("cache"), "main.csx");
        var first = MiniStage.Create();
        await _sandbox.RunAsync(main, _sandbox.Context(first));
        await File.WriteAllTextAsync(Path.Combine(_sandbox.Root, "cache", "lib", "part.csx"), "string Marker() => \"two\";\n");
        var second = MiniStage.Create();

        var result = await _sandbox.RunAsync(main, _sandbox.Context(second));

        Assert.False(result.CacheHit);
        Assert.Equal("two", second.ReadAllText("etc/marker"));
    }

    [Fact]
    public async Task A_damaged_cache_entry_is_recompiled_instead_of_failing_the_build()
    {
        var recipe = RecipeSandbox.Fixture("cache/main.csx");
        await _sandbox.RunAsync(recipe, _sandbox.Context(MiniStage.Create()));
        var dll = Assert.Single(Directory.GetFiles(_sandbox.CacheDirectory, "*.dll"));
        await File.WriteAllBytesAsync(dll, [0x4d, 0x5a, 0x00]);
        var fs = MiniStage.Create();

        var result = await _sandbox.RunAsync(recipe, _sandbox.Context(fs));

        Assert.False(result.CacheHit);
        Assert.Equal("one", fs.ReadAllText("etc/marker"));
        Assert.NotEqual(3, new FileInfo(dll).Length);
    }

    private async Task<List<string>> ProbeAsync(string recipe)
    {
        var self = typeof(RecipeProbe).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", self, recipe, _sandbox.CacheDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"probe exited {process.ExitCode}: {stderr}");
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    public void Dispose() => _sandbox.Dispose();
}
