using System.Globalization;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;
using Boxer.Formats.Squashfs;
using Boxer.Lxd.Tests.Support;
using Boxer.Targets.Lxd;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary>
/// The plan is the build's path stopped before the write, for a third-party target too: the sample, loaded by
/// the host's plugin loader from the packed-package build, gets in <c>--plan</c> exactly the tree its
/// <c>rootfs.squashfs</c> holds (read back entry by entry) and the configuration its <c>metadata.yaml</c>
/// states (architecture in LXD's naming, creation date), the YAML read from the archive by GNU tar.
/// </summary>
[Collection(LxdCollection.Name)]
public sealed class PlanMatchesBuildSpecs(SamplePlugin plugin) : IDisposable
{
    // Later than every entry of the fixture, so clamping times to it changes nothing the plan shows.
    private static readonly UnixTime Epoch = new(2_000_000_000);

    private readonly TempDir _dir = new("boxer-plan-lxd-");

    [Fact]
    public async Task The_plan_lists_the_tree_and_config_the_lxd_image_holds()
    {
        var catalog = PluginCatalog.Load([plugin.PluginsRoot]);
        Assert.Empty(catalog.Warnings);
        var lxd = catalog.Find("lxd") ?? throw new InvalidOperationException("the sample did not load: " + string.Join("; ", catalog.Notes));
        string output = Directory.CreateDirectory(_dir.Combine("image")).FullName;
        var request = Request(lxd.Target, output);

        var plan = Assert.Single(await RecipePlanPipeline.PlanAsync(request, new Progress<BuildEvent>(), CancellationToken.None));
        await BuildPipeline.RunAsync(request, new Progress<BuildEvent>(), CancellationToken.None);

        Assert.NotEmpty(plan.Modified);
        using (var rootfs = File.OpenRead(Path.Combine(output, "rootfs.squashfs")))
        using (var reader = new SquashfsReader(rootfs, 0, leaveOpen: true))
        {
            var planned = TreeListing.Of(plan.Entries).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            var written = TreeListing.Of(reader.Entries.Select(e => e.Entry)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            Assert.Equal(planned.Select(e => e.FormatLine()), written.Select(e => e.FormatLine()));
            Assert.Equal(planned, written);
        }

        var metadata = ExternalTool.RunChecked("tar", "-xOJf", Path.Combine(output, "metadata.tar.xz"), "metadata.yaml").Stdout;
        var yaml = metadata.Split('\n');
        Assert.Contains($"architecture: \"{LxdArchitecture.Of(plan.Image.Architecture.Name)}\"", yaml);
        Assert.Contains($"  architecture: \"{LxdArchitecture.Of(plan.Image.Architecture.Name)}\"", yaml);
        var created = plan.Image.Created ?? throw new InvalidOperationException("the plan has no creation time");
        Assert.Contains($"creation_date: {created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}", yaml);
    }

    public void Dispose() => _dir.Dispose();

    private BuildRequest Request(ITarget target, string output) => new()
    {
        StagePath = Fixtures.Basic("xz"),
        Targets = [new TargetRequest(target, new TargetOptionValues(new Dictionary<string, string> { ["out"] = output }))],
        Finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"),
            runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
        SourceDateEpoch = Epoch,
        BoxerVersion = "1.0.0-test",
    };
}
