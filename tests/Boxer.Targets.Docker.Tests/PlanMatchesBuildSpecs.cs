using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// The plan is the build's path stopped before the write: what <c>--plan</c> says the docker target would get
/// (every entry of the tree, the image configuration) must be what the build wrote, read back from the
/// <c>--out</c> archive by GNU tar and from its config blob.
/// </summary>
public sealed class PlanMatchesBuildSpecs : IDisposable
{
    // Later than every entry of the fixture, so the layer's time clamp changes nothing the plan shows.
    private static readonly UnixTime Epoch = new(2_000_000_000);

    private readonly TempDir _dir = new("boxer-plan-docker-");

    [Fact]
    public async Task The_plan_lists_the_tree_and_config_the_docker_archive_holds()
    {
        string archive = _dir.Combine("image.tar");
        var request = Request(archive);

        var plan = Assert.Single(await RecipePlanPipeline.PlanAsync(request, new EventLog(), CancellationToken.None));
        await BuildPipeline.RunAsync(request, new EventLog(), CancellationToken.None);

        ExternalTool.RunChecked("tar", "-xf", archive, "-C", _dir.Path, "manifest.json", "blobs");
        using var manifest = JsonDocument.Parse(File.ReadAllText(_dir.Combine("manifest.json")));
        string layer = _dir.Combine(manifest.RootElement[0].GetProperty("Layers")[0].GetString()!);
        using var config = JsonDocument.Parse(File.ReadAllText(_dir.Combine(manifest.RootElement[0].GetProperty("Config").GetString()!)));

        Assert.NotEmpty(plan.Modified);
        var planned = TreeListing.Of(plan.Entries).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var written = GnuTarListing.Read(layer).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(planned.Select(e => e.FormatLine()), written.Select(e => e.FormatLine()));
        Assert.Equal(planned, written);
        AssertConfigShows(plan.Image, config.RootElement);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Every field of the planned configuration as the config blob carries it; docker adds only provenance labels.</summary>
    private static void AssertConfigShows(ImageConfigView image, JsonElement blob)
    {
        var runtime = blob.GetProperty("config");
        Assert.Equal(image.Architecture.Name, blob.GetProperty("architecture").GetString());
        Assert.Equal(image.Architecture.Variant, blob.TryGetProperty("variant", out var v) ? v.GetString() : null);
        Assert.Equal(image.Os, blob.GetProperty("os").GetString());
        Assert.Equal(image.Created is { } created ? ImageConfigJson.Rfc3339(created) : null, blob.GetProperty("created").GetString());
        Assert.Equal(image.Entrypoint, Strings(runtime, "Entrypoint"));
        Assert.Equal(image.Cmd, Strings(runtime, "Cmd"));
        Assert.Equal(image.Env.Select(kv => $"{kv.Key}={kv.Value}"), Strings(runtime, "Env"));
        Assert.Equal(image.ExposedPorts, Keys(runtime, "ExposedPorts"));
        Assert.Equal(image.Volumes, Keys(runtime, "Volumes"));
        Assert.Equal(image.StopSignal, Text(runtime, "StopSignal"));
        Assert.Equal(image.WorkingDir, Text(runtime, "WorkingDir"));
        Assert.Equal(image.User, Text(runtime, "User"));
        var labels = runtime.GetProperty("Labels");
        Assert.All(image.Labels, kv => Assert.Equal(kv.Value, labels.GetProperty(kv.Key).GetString()));
    }

    private static string[] Strings(JsonElement o, string name) =>
        o.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(e => e.GetString()!)] : [];

    private static string[] Keys(JsonElement o, string name) =>
        o.TryGetProperty(name, out var a) ? [.. a.EnumerateObject().Select(p => p.Name)] : [];

    private static string? Text(JsonElement o, string name) => o.TryGetProperty(name, out var s) ? s.GetString() : null;

    private BuildRequest Request(string archive) => new()
    {
        StagePath = Fixtures.Basic("xz"),
        Targets = [new TargetRequest(new DockerTarget(), new TargetOptionValues(new Dictionary<string, string> { [DockerTarget.OutOption] = archive }))],
        Finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"),
            runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
        SourceDateEpoch = Epoch,
        BoxerVersion = "1.0.0-test",
    };
}
