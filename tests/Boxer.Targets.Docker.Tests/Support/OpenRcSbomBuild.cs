using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>
/// One build of the OpenRC fixture (openrc-server, SOURCE_DATE_EPOCH set) into all three Docker outputs at
/// once: the engine (<c>--tag</c>), an OCI archive (<c>--out</c>) and a local docker-registry (<c>--push</c>),
/// shared by the SBOM specs; plus the fixture's dpkg and VDB directories unpacked by GNU tar for the
/// independent counts. Everything is removed at the end.
/// </summary>
public sealed class OpenRcSbomBuild : IAsyncLifetime
{
    private readonly TempDir _recipeCache = new("boxer-recipe-cache-");

    public TempDir Dir { get; } = new();

    public LocalRegistry Registry { get; } = new();

    public string Repository => "boxer/openrc-sbom";

    public string Tag => $"{Registry.Host}/{Repository}:{Guid.NewGuid().ToString("N")[..8]}";

    public string Pushed { get; private set; } = "";

    public string PushedDigest { get; private set; } = "";

    public string OutPath => Dir.Combine("openrc.tar");

    /// <summary>The skopeo usage hint of the <c>--out</c> artifact.</summary>
    public string SkopeoHint { get; private set; } = "";

    /// <summary>The fixture's /var/lib/dpkg and /var/db/pkg, unpacked under this directory.</summary>
    public string FixtureRoot => Dir.Combine("fixture");

    public async Task InitializeAsync()
    {
        Pushed = Tag;
        var result = await BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = Fixtures.OpenRc(),
                Targets =
                [
                    new TargetRequest(new DockerTarget(), new TargetOptionValues(new Dictionary<string, string>
                    {
                        [DockerTarget.TagOption] = Pushed,
                        [DockerTarget.OutOption] = OutPath,
                        [DockerTarget.PushOption] = "true",
                        [DockerTarget.InsecureOption] = "true",
                    })),
                ],
                Finalizer = new Boxer.Core.Recipes.RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"), null,
                    new Boxer.Core.Recipes.RecipeRunner(new Boxer.Core.Recipes.RecipeRunnerOptions { CacheDirectory = _recipeCache.Path })),
                SourceDateEpoch = new UnixTime(1_700_000_000),
                BoxerVersion = "1.0.0-test",
            },
            new EventLog(),
            CancellationToken.None);
        PushedDigest = result.Artifacts.Single(a => a.Kind == ArtifactKind.RegistryImage).Digest!;
        SkopeoHint = result.Artifacts.Single(a => a.Kind == ArtifactKind.File).UsageHints.Single(h => h.StartsWith("skopeo ", StringComparison.Ordinal));
        Directory.CreateDirectory(FixtureRoot);
        ExternalTool.RunChecked("tar", "-xJf", Fixtures.OpenRc(), "-C", FixtureRoot, "./var/lib/dpkg", "./var/db/pkg");
    }

    public Task DisposeAsync()
    {
        DockerCli.Remove(Pushed);
        Registry.Dispose();
        Dir.Dispose();
        _recipeCache.Dispose();
        return Task.CompletedTask;
    }
}
