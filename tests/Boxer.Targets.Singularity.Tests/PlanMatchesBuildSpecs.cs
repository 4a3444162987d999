using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// The plan is the build's path stopped before the write: what <c>--plan</c> says the sif target would get
/// (every entry of the tree, the image configuration) must be what the SIF holds, read back from its
/// squashfs partition, its header and its inspect metadata.
/// </summary>
public sealed class PlanMatchesBuildSpecs : IDisposable
{
    // Later than every entry of the fixture, so clamping times to it changes nothing the plan shows.
    private static readonly UnixTime Epoch = new(2_000_000_000);

    // The SIF target rewrites these two from the final configuration as it writes (Prepare made them before the
    // recipe ran): their content differs from the tree by design, so only their size is left out.
    private static readonly string[] RewrittenFiles = ["./.singularity.d/env/90-environment.sh", "./.singularity.d/labels.json"];

    private readonly TempDir _dir = new("boxer-plan-sif-");

    [Fact]
    public async Task The_plan_lists_the_tree_and_config_the_sif_holds()
    {
        string sif = _dir.Combine("image.sif");
        var request = Request(sif);

        var plan = Assert.Single(await RecipePlanPipeline.PlanAsync(request, new Progress<BuildEvent>(), CancellationToken.None));
        await BuildPipeline.RunAsync(request, new Progress<BuildEvent>(), CancellationToken.None);

        using var file = File.OpenRead(sif);
        var image = SifReader.Read(file);
        using var reader = new SquashfsReader(file, image.PrimaryPartition!.Offset, leaveOpen: true);
        using var inspect = JsonDocument.Parse(SifReader.ReadObject(file, image.Descriptors[1]));
        var attributes = inspect.RootElement.GetProperty("data").GetProperty("attributes");

        Assert.NotEmpty(plan.Modified);
        var planned = Comparable(TreeListing.Of(plan.Entries));
        var written = Comparable(TreeListing.Of(reader.Entries.Select(e => e.Entry)));
        Assert.Equal(planned.Select(e => e.FormatLine()), written.Select(e => e.FormatLine()));
        Assert.Equal(planned, written);

        Assert.Equal(SifArchitecture.CodeOf(plan.Image.Architecture.Name), image.Header.Arch);
        var labels = attributes.GetProperty("labels");
        Assert.Equal(plan.Image.Architecture.Name, labels.GetProperty("org.label-schema.build-arch").GetString());
        Assert.All(plan.Image.Labels, kv => Assert.Equal(kv.Value, labels.GetProperty(kv.Key).GetString()));
        string environment = attributes.GetProperty("environment").GetProperty("/.singularity.d/env/90-environment.sh").GetString()!;
        Assert.All(plan.Image.Env, kv => Assert.Contains($"export {kv.Key}=", environment, StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    private static List<ListedEntry> Comparable(IEnumerable<ListedEntry> entries) =>
        [.. entries.Select(e => RewrittenFiles.Contains(e.Path) ? e with { Size = "(rewritten)" } : e).OrderBy(e => e.Path, StringComparer.Ordinal)];

    private BuildRequest Request(string sif) => new()
    {
        StagePath = Fixtures.Basic("xz"),
        Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = sif }))],
        Finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"),
            runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
        SourceDateEpoch = Epoch,
        BoxerVersion = "1.0.0-test",
    };
}
