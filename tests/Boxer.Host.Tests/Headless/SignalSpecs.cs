using System.Diagnostics;
using System.Globalization;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>SIGTERM is handled as Ctrl-C is: the build stops, removes what it was writing, and exits 130.</summary>
[Collection(PluginCollection.Name)]
public sealed class SignalSpecs(PluginWorkshop workshop)
{
    [Fact]
    public async Task SIGTERM_cancels_the_build_exits_130_and_leaves_nothing_in_TMPDIR()
    {
        using var dir = new TempDir();
        using var tmp = new TempDir("boxer-sigterm-tmp-");
        var signalled = false;

        var result = await BoxerHost.RunAsync(
            ["tiny", "--stage", Fixtures.Basic("tar"), "--out", "held.txt", "--hold", "--recipe", "none"],
            new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = workshop.GoodRoot, ["TMPDIR"] = tmp.Path },
            dir.Path,
            (line, process) =>
            {
                if (!signalled && line.EndsWith("tiny: holding until cancelled", StringComparison.Ordinal))
                {
                    signalled = true;
                    ExternalTool.RunChecked("kill", "-TERM", process.Id.ToString(CultureInfo.InvariantCulture));
                }
            });

        Assert.True(signalled, result.ToString());
        Assert.True(result.ExitCode == ExitCode.Cancelled, result.ToString());
        Assert.Equal("boxer: cancelled", result.StdErrLines[^1]);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public async Task A_recipe_in_an_endless_loop_is_abandoned_promptly_with_a_message()
    {
        using var dir = new TempDir();
        // It says when it spins: a signal during the compile would cancel that instead (no loop to abandon).
        File.WriteAllText(dir.Combine("spin.csx"), "Log.Info(\"spinning\");\nwhile (true) { }\n");
        var clock = new Stopwatch();

        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", Fixtures.Basic("tar"), "--recipe", dir.Combine("spin.csx"), "--out", dir.Combine("x.sif")],
            new Dictionary<string, string?>(),
            dir.Path,
            (line, process) =>
            {
                if (!clock.IsRunning && line.EndsWith("spinning", StringComparison.Ordinal))
                {
                    clock.Start();
                    ExternalTool.RunChecked("kill", "-INT", process.Id.ToString(CultureInfo.InvariantCulture));
                }
            });

        Assert.True(clock.IsRunning, result.ToString());
        Assert.True(result.ExitCode == ExitCode.Cancelled, result.ToString());
        Assert.Contains(result.StdErrLines, l => l.EndsWith("spin.csx: still running 2 s after the cancel; abandoned", StringComparison.Ordinal));
        Assert.Equal("boxer: cancelled", result.StdErrLines[^1]);
        // Well inside the 10 s grace a stuck build gets: the loop did not hold the build.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"{clock.Elapsed}\n{result}");
        Assert.Equal([dir.Combine("spin.csx")], Directory.GetFileSystemEntries(dir.Path));
    }
}
