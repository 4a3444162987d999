using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// Recipes are code with boxer's rights (recipes/README.md); what boxer can do about a misbehaving one is
/// not to hang after it and not to end silently because of it.
/// </summary>
public sealed class RecipeSafetySpecs
{
    /// <summary>Only a guard: a hang would otherwise last the runner's five minutes; the build takes seconds.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_recipe_that_leaves_a_foreground_thread_does_not_keep_boxer_alive()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("thread.csx"),
            "new System.Threading.Thread(() => System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite)) { IsBackground = false }.Start();\n");

        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", Fixtures.Basic("tar"), "--recipe", dir.Combine("thread.csx"), "--out", dir.Combine("x.sif")],
            new Dictionary<string, string?>(), dir.Path).WaitAsync(HangGuard);

        Assert.True(result.ExitCode == ExitCode.Success, result.ToString());
        Assert.True(File.Exists(dir.Combine("x.sif")));
    }

    [Fact]
    public async Task A_recipe_that_calls_Environment_Exit_does_not_end_boxer_silently()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("exit.csx"), "System.Environment.Exit(0);\n");

        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", Fixtures.Basic("tar"), "--recipe", dir.Combine("exit.csx"), "--out", dir.Combine("x.sif")],
            new Dictionary<string, string?>(), dir.Path);

        Assert.Contains(result.StdErrLines, l => l.StartsWith("boxer: something in the build (a recipe?) ended boxer", StringComparison.Ordinal));
        Assert.False(File.Exists(dir.Combine("x.sif")));
    }
}
