using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>Plugins built outside the solution against the packed contract, loaded by the real host.</summary>
[Collection(PluginCollection.Name)]
public sealed class PluginLoadingSpecs(PluginWorkshop workshop)
{
    [Fact]
    public async Task I_can_list_a_third_party_target_built_against_the_packed_contract()
    {
        var result = await BoxerHost.RunAsync(["targets"], new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = workshop.GoodRoot });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tiny: Writes the tree's paths to a text file (a test plugin)", result.StdOutLines);
        Assert.Contains($"plugin: TinyTarget 0.3.0 ({Path.Combine(workshop.GoodRoot, "TinyTarget", "TinyTarget.dll")})", result.StdOutLines);
        Assert.Contains("--greeting TEXT  (text, default: hello) The first line", result.StdOutLines);
        Assert.Contains("--mood calm|loud  (choice, default: calm) How to greet", result.StdOutLines);
        Assert.Empty(result.StdErrLines);
    }

    [Fact]
    public async Task A_plugin_path_entry_may_name_a_single_plugin_folder()
    {
        var folder = Path.Combine(workshop.GoodRoot, "TinyTarget");

        var result = await BoxerHost.RunAsync(["targets"], new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = $"/nonexistent:{folder}" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tiny: Writes the tree's paths to a text file (a test plugin)", result.StdOutLines);
    }

    [Fact]
    public async Task Plugins_in_the_user_plugin_folder_are_loaded()
    {
        using var home = new TempDir();
        CopyDirectory(Path.Combine(workshop.GoodRoot, "TinyTarget"), home.Combine(".local", "share", "boxer", "plugins", "TinyTarget"));

        var result = await BoxerHost.RunAsync(["targets"], new Dictionary<string, string?> { ["HOME"] = home.Path });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tiny: Writes the tree's paths to a text file (a test plugin)", result.StdOutLines);
    }

    [Fact]
    public async Task Each_broken_plugin_gets_one_warning_line_and_the_others_still_load()
    {
        var result = await BoxerHost.RunAsync(
            ["targets"], new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = $"{workshop.GoodRoot}:{workshop.BrokenRoot}" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.StdOutLines, l => l.StartsWith("tiny: ", StringComparison.Ordinal));
        Assert.All(result.StdErrLines, line => Assert.StartsWith("boxer: warning: plugin ", line));
        Assert.Equal(PluginWorkshop.BrokenPlugins.Count, result.StdErrLines.Count);
        foreach (var plugin in PluginWorkshop.BrokenPlugins)
        {
            Assert.Single(result.StdErrLines, l => l.StartsWith($"boxer: warning: plugin {plugin} (", StringComparison.Ordinal));
        }
        Assert.Contains(result.StdErrLines, l => l.StartsWith("boxer: warning: plugin Garbage (", StringComparison.Ordinal) && l.Contains("not a loadable .NET assembly"));
        Assert.Contains(result.StdErrLines, l => l.StartsWith("boxer: warning: plugin ThrowingTarget (", StringComparison.Ordinal) && l.Contains("the throwing target refuses to start"));
        Assert.Contains(result.StdErrLines, l => l.StartsWith("boxer: warning: plugin TinyTargetNext (", StringComparison.Ordinal) && l.Contains("built for Boxer.Abstractions 2.0 but this boxer implements 1.x"));
        Assert.Contains(result.StdErrLines, l => l.StartsWith("boxer: warning: plugin TinyTwin (", StringComparison.Ordinal) && l.Contains("target 'tiny' is already provided by plugin TinyTarget"));
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
