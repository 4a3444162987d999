using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary><c>--import</c> against the real local LXD (Debian's lxd 5.0), through its REST API.</summary>
[Collection(LxdCollection.Name)]
public sealed class LxdImportSpecs(SamplePlugin plugin, LocalLxd lxd)
{
    private readonly string _alias = $"boxer-test-import-{Environment.ProcessId}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_puts_the_image_into_LXD_under_the_alias_with_its_metadata(bool unified)
    {
        await lxd.EnsureRunningAsync();
        using var dir = new TempDir("boxer-lxd-import-");
        try
        {
            string[] args = ["lxd", "--stage", Fixtures.Basic(), "--out", dir.Path, "--import", "--alias", _alias, .. unified ? new[] { "--unified" } : []];
            // The same SOURCE_DATE_EPOCH gives the same bytes, so the second import finds the image present.
            var reproducible = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" };
            var first = await BoxerRun.RunAsync(plugin.PluginsRoot, reproducible, args);
            // The image files are still there from the first run: replacing them takes --force.
            var again = await BoxerRun.RunAsync(plugin.PluginsRoot, reproducible, [.. args, "--force"]);

            Assert.True(first.Succeeded, first.Stderr);
            Assert.True(again.Succeeded, again.Stderr);
            Assert.Contains("only setting the alias", again.Stderr, StringComparison.Ordinal);
            var info = (await LocalLxd.LxcChecked("image", "info", _alias)).Stdout;
            var fingerprint = info.Split('\n').Single(l => l.StartsWith("Fingerprint: ", StringComparison.Ordinal))["Fingerprint: ".Length..].Trim();
            Assert.Contains($"lxd engine-image lxd:{_alias} ", first.Stdout, StringComparison.Ordinal);
            Assert.Contains($"sha256:{fingerprint}", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("Architecture: x86_64", info, StringComparison.Ordinal);
            Assert.Contains("    os: Gentoo", info, StringComparison.Ordinal);
            Assert.Contains("    description: Gentoo 2.15 x86_64 (openrc) from basic.tar.xz, recipe openrc-server.csx", info, StringComparison.Ordinal);
        }
        finally
        {
            await LocalLxd.Lxc("image", "delete", _alias);
        }
    }
}
