using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// The basic fixture stage3 (every tar feature boxer keeps) imported and written by the docker target:
/// the layer must list exactly as the stage3 does, and the engine must keep what it lists.
/// </summary>
public sealed class FixtureStageSpecs : IDisposable
{
    private readonly List<string> _images = [];

    [Fact]
    public async Task The_layer_lists_exactly_like_the_stage3_it_came_from()
    {
        using var dir = new Boxer.TestSupport.TempDir("boxer-docker-");
        string stage = Fixtures.Basic("xz");
        string archive = Path.Combine(dir.Path, "image.tar");
        await BuildAsync(stage, (DockerTarget.OutOption, archive));
        ExternalTool.RunChecked("tar", "-xf", archive, "-C", dir.Path, "manifest.json", "blobs");
        string layer = Path.Combine(dir.Path, LayerPath(File.ReadAllText(Path.Combine(dir.Path, "manifest.json"))));

        var fromLayer = GnuTarListing.Read(layer).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var fromStage = GnuTarListing.Read(stage).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

        Assert.Equal(fromStage.Select(e => e.ToString()), fromLayer.Select(e => e.ToString()));
        Assert.Equal(fromStage, fromLayer);
    }

    [Fact]
    public async Task The_engine_keeps_capabilities_setuid_and_hard_links_of_the_stage3()
    {
        string tag = DockerCli.UniqueTag();
        _images.Add(tag);
        string stage = Fixtures.Basic("xz");
        await BuildAsync(stage, (DockerTarget.TagOption, tag));
        var listed = GnuTarListing.Read(stage).ToDictionary(e => e.Path);
        string layer = DockerCli.Inspect(tag, "{{.GraphDriver.Data.UpperDir}}");

        var xattrs = GetfattrDump.Read(layer);
        string stat = DockerCli.Run("run", "--rm", tag, "/bin/busybox", "stat", "-c", "%n %u %g %a %h",
            "/bin/su", "/usr/bin/wall", "/usr/share/zoneinfo/UTC", "/var/lib/portage/world");

        foreach (string path in new[] { "./usr/bin/newuidmap", "./bin/ping" })
        {
            Assert.Equal(listed[path].Xattrs["security.capability"], xattrs[path]["security.capability"]);
        }
        Assert.Equal("/bin/su 0 0 4755 1\n/usr/bin/wall 0 5 2755 1\n/usr/share/zoneinfo/UTC 0 0 644 3\n/var/lib/portage/world 250 250 644 1\n", stat);
    }

    public void Dispose() => DockerCli.Remove([.. _images]);

    private static async Task<BuildResult> BuildAsync(string stage, params (string Key, string Value)[] options) =>
        await BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = stage,
                Targets = [new TargetRequest(new DockerTarget(), new TargetOptionValues(options.ToDictionary(o => o.Key, o => o.Value)))],
                BoxerVersion = "1.0.0-test",
                // Tar fidelity only: the SBOM file the pipeline would add is checked by OpenRcSbomSpecs.
                Sbom = Boxer.Core.Sbom.SbomFormat.None,
            },
            new EventLog(),
            CancellationToken.None);

    private static string LayerPath(string manifestJson)
    {
        using var json = System.Text.Json.JsonDocument.Parse(manifestJson);
        return json.RootElement[0].GetProperty("Layers")[0].GetString()!;
    }
}
