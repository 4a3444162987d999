using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Formats.Tests.Tar.Support;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Tests.Support;

namespace Boxer.Targets.Docker.Tests;

/// <summary>The --out archive and the engine archive, read by skopeo (package skopeo) and GNU tar.</summary>
public sealed class DockerArchiveSpecs
{
    private static readonly UnixTime Epoch = new(1_700_000_000);

    [Fact]
    public async Task Skopeo_reads_the_out_archive_as_docker_archive_and_as_oci_archive()
    {
        using var dir = new TempDir();
        string archive = dir.File("image.tar");
        await BuildOutAsync(archive, Epoch);

        using var asDocker = JsonDocument.Parse(Tool.Run("skopeo", "inspect", $"docker-archive:{archive}"));
        using var asOci = JsonDocument.Parse(Tool.Run("skopeo", "inspect", $"oci-archive:{archive}"));

        Assert.Equal("amd64", asDocker.RootElement.GetProperty("Architecture").GetString());
        Assert.Equal("stage3-amd64-busybox-20261124.tar.xz", asOci.RootElement.GetProperty("Labels").GetProperty(ImageSpecs.SourceLabel).GetString());
        // docker-archive names the layer by its diff ID (uncompressed), oci-archive by the gzip blob.
        Assert.Single(asDocker.RootElement.GetProperty("Layers").EnumerateArray());
        Assert.Single(asOci.RootElement.GetProperty("Layers").EnumerateArray());
    }

    [Fact]
    public async Task The_out_archive_holds_the_OCI_layout_and_manifest_json()
    {
        using var dir = new TempDir();
        string archive = dir.File("image.tar");
        await BuildOutAsync(archive, Epoch);

        var members = Tool.Run("tar", "-tf", archive).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(8, members.Length);
        Assert.Contains("oci-layout", members);
        Assert.Contains("index.json", members);
        Assert.Contains("manifest.json", members);
        Assert.Equal(3, members.Count(m => m.StartsWith("blobs/sha256/", StringComparison.Ordinal) && m.Length == "blobs/sha256/".Length + 64));
    }

    [Fact]
    public async Task The_layer_lists_exactly_the_tree()
    {
        using var dir = new TempDir();
        string archive = dir.File("image.tar");
        await BuildOutAsync(archive, Epoch);
        Tool.Run("tar", "-xf", archive, "-C", dir.Path);
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File("manifest.json")));
        string layer = dir.File(manifest.RootElement[0].GetProperty("Layers")[0].GetString()!);

        string listing = Tool.Run("tar", "--numeric-owner", "--utc", "-tvzf", layer);

        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var expected = BusyboxTree.Create(Epoch).Entries.Select(e => SampleTrees.TarListLine(e, "2023-11-14 22:13"));
        Assert.Equal(expected, lines);
    }

    [Fact]
    public async Task Two_builds_with_SOURCE_DATE_EPOCH_give_the_same_bytes()
    {
        using var dir = new TempDir();
        var first = await BuildOutAsync(dir.File("a.tar"), Epoch);
        var second = await BuildOutAsync(dir.File("b.tar"), Epoch);

        Assert.Equal(File.ReadAllBytes(dir.File("a.tar")), File.ReadAllBytes(dir.File("b.tar")));
        Assert.Equal(first.Digest, second.Digest);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task The_engine_archive_is_as_long_as_measured_and_skopeo_reads_it()
    {
        using var dir = new TempDir();
        var tree = BusyboxTree.Create(Epoch);
        var spec = ImageSpecs.FromBuild(BusyboxTree.Context(tree, new EventLog(), Epoch), ImageReference.Parse("boxer-test:streamed"));
        string archive = dir.File("engine.tar");

        ImageDocuments documents;
        using (var file = File.Create(archive))
        {
            documents = await DockerArchiveWriter.WriteStreamingAsync(file, tree, spec, null, default);
        }

        Assert.Equal(DockerArchiveWriter.MeasureStreaming(tree, spec), new FileInfo(archive).Length);
        using var inspected = JsonDocument.Parse(Tool.Run("skopeo", "inspect", "--config", $"docker-archive:{archive}"));
        Assert.Equal(documents.Layer.DiffId, inspected.RootElement.GetProperty("rootfs").GetProperty("diff_ids")[0].GetString());
    }

    [Fact]
    public void The_config_is_canonical_and_carries_the_runtime_settings()
    {
        var tree = BusyboxTree.Create(Epoch);
        var image = BusyboxTree.DefaultImage();
        image.ExposedPorts.Add("22/tcp");
        image.Entrypoint.Add("/sbin/init");
        var context = BusyboxTree.Context(tree, new EventLog(), Epoch, image);
        var spec = ImageSpecs.FromBuild(context, null);

        string json = System.Text.Encoding.UTF8.GetString(ImageConfigJson.Write(spec, "sha256:" + new string('0', 64)));

        Assert.StartsWith(""""{"architecture":"amd64","os":"linux","created":"2023-11-14T22:13:20Z","config":{"ExposedPorts":{"22/tcp":{}},"Env":["PATH=/bin"],"Entrypoint":["/sbin/init"],"Cmd":["/bin/busybox","sh"],"Labels":{"""", json);
        Assert.Contains("\"StopSignal\":\"SIGPWR\"}", json);
        Assert.DoesNotContain("\n", json);
    }

    private static async Task<Artifact> BuildOutAsync(string path, UnixTime epoch)
    {
        var tree = BusyboxTree.Create(epoch);
        var target = new DockerTarget();
        var artifacts = await target.BuildAsync(BusyboxTree.Context(tree, new EventLog(), epoch, (DockerTarget.OutOption, path)), default);
        return Assert.Single(artifacts);
    }
}
