using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary>The sample, built from the packed packages as the doc says, is a target like the built-in ones.</summary>
[Collection(LxdCollection.Name)]
public sealed class SamplePluginSpecs(SamplePlugin plugin)
{
    [Fact]
    public async Task The_sample_built_from_the_packed_packages_is_listed_by_boxer_targets()
    {
        var result = await BoxerRun.RunAsync(plugin.PluginsRoot, "targets");

        Assert.True(result.Succeeded, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("lxd: LXD image", StringComparison.Ordinal));
        Assert.Contains($"  plugin: {SamplePlugin.PluginName} 0.1.0 ({Path.Combine(plugin.PluginFolder, SamplePlugin.PluginName + ".dll")})", lines);
        foreach (var option in new[] { "--out DIR", "--alias NAME", "--unified", "--import" })
        {
            Assert.Contains(lines, l => l.StartsWith("  " + option + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_plugin_ships_the_format_writers_but_not_its_own_copy_of_the_contract()
    {
        var files = Directory.GetFiles(plugin.PluginFolder).Select(Path.GetFileName).ToList();

        Assert.Contains("Boxer.Formats.dll", files);
        Assert.Contains("Boxer.Targets.Lxd.deps.json", files);
        Assert.DoesNotContain("Boxer.Abstractions.dll", files);
    }

    [Fact]
    public async Task A_plugin_installed_in_the_users_plugin_folder_is_a_verb_of_the_cli()
    {
        using var home = new TempDir("boxer-lxd-home-");
        CopyTree(plugin.PluginFolder, home.Combine(".local", "share", "boxer", "plugins", SamplePlugin.PluginName));

        var result = await BoxerRun.RunAsync(null, new Dictionary<string, string?> { ["HOME"] = home.Path }, "lxd", "--help");

        Assert.True(result.Succeeded, result.Stderr);
        Assert.Contains("--unified", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--stage", result.Stdout, StringComparison.Ordinal);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
