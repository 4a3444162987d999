using System.Text.Json;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Build;

/// <summary><c>--layer-compression zstd</c>: layers skopeo and zstd read; an engine older than 23.0 refused before any work.</summary>
public sealed class ZstdLayerSpecs
{
    [Fact]
    public async Task Zstd_layers_in_out_are_read_back_by_skopeo_and_pass_zstd_t()
    {
        using var dir = new TempDir("boxer-zstd-");
        var archive = dir.Combine("z.tar");

        var run = await BoxerHost.RunAsync("docker", "--stage", Fixtures.Basic("xz"), "--recipe", "none", "--layer-compression", "zstd", "--out", archive);

        Assert.True(run.ExitCode == 0, run.ToString());
        ExternalTool.Run("skopeo", ["copy", $"oci-archive:{archive}:latest", $"oci:{dir.Combine("oci")}:z"]).EnsureSuccess();
        using var index = JsonDocument.Parse(File.ReadAllText(dir.Combine("oci", "index.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Blob(dir, index.RootElement.GetProperty("manifests")[0])));
        var layer = Assert.Single(manifest.RootElement.GetProperty("layers").EnumerateArray());
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+zstd", layer.GetProperty("mediaType").GetString());
        ExternalTool.Run("zstd", ["-t", "-q", Blob(dir, layer)]).EnsureSuccess();
        var listing = ExternalTool.Run("sh", ["-c", $"zstd -dc '{Blob(dir, layer)}' | tar -t"]).EnsureSuccess().Stdout;
        Assert.Contains("bin/busybox", listing);
    }

    [Fact]
    public async Task Loading_zstd_into_this_engine_is_refused_before_the_import_in_one_line()
    {
        var run = await BoxerHost.RunAsync("docker", "--stage", Fixtures.Basic("xz"), "--recipe", "none", "--layer-compression", "zstd", "--tag", "boxer-zstd-refused:1");

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.StdErrLines);
        Assert.Contains("--layer-compression zstd: the Docker engine at ", line);
        Assert.Contains("(needs 23.0)", line);
    }

    private static string Blob(TempDir dir, JsonElement descriptor) =>
        dir.Combine("oci", "blobs", "sha256", descriptor.GetProperty("digest").GetString()!["sha256:".Length..]);
}
