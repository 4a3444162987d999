using System.Buffers.Binary;
using System.Text.Json;
using Boxer.Host.Tests.Headless;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Build;

/// <summary>
/// Several <c>--stage</c>s, one image index: an amd64 and a real arm64 stage3 built natively on this amd64
/// machine, read back from Debian's docker-registry by skopeo and docker, and from <c>--out</c> by skopeo and umoci.
/// </summary>
public sealed class MultiArchSpecs(MultiArchBuild build) : IClassFixture<MultiArchBuild>
{
    private const ushort ElfMachineAarch64 = 183;

    [Fact]
    public void The_registry_holds_an_index_of_exactly_the_two_platforms()
    {
        AssertBuilt();
        using var raw = JsonDocument.Parse(Skopeo("inspect", "--raw", "--tls-verify=false", $"docker://{build.Tag}"));

        Assert.Equal("application/vnd.oci.image.index.v1+json", raw.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal(["linux/amd64", "linux/arm64"], Platforms(raw.RootElement));
    }

    [Fact]
    public void Skopeo_fetches_the_arm64_image_whose_bin_sh_is_an_aarch64_elf()
    {
        AssertBuilt();
        using var dir = new TempDir("boxer-multi-arm-");
        Skopeo("copy", "--override-arch", "arm64", "--src-tls-verify=false", $"docker://{build.Tag}", $"oci:{dir.Combine("oci")}:arm");

        var layer = Assert.Single(Manifest(dir.Combine("oci")).GetProperty("layers").EnumerateArray());
        Assert.Equal(ElfMachineAarch64, ShMachine(BlobPath(dir.Combine("oci"), layer), dir));
    }

    [Fact]
    public void Docker_pulls_and_runs_the_amd64_image_on_this_machine()
    {
        AssertBuilt();
        ExternalTool.Run("docker", ["rmi", "-f", build.Tag]);
        ExternalTool.Run("docker", ["pull", build.Tag]).EnsureSuccess();

        var run = ExternalTool.Run("docker", ["run", "--rm", build.Tag, "/bin/busybox", "echo", "hi"]).EnsureSuccess();

        Assert.Equal("hi", run.Stdout.Trim());
        Assert.Equal("amd64", ExternalTool.Run("docker", ["image", "inspect", "-f", "{{.Architecture}}", build.Tag]).EnsureSuccess().Stdout.Trim());
    }

    [Fact]
    public void The_tag_loads_the_engine_platform_and_says_which_it_skipped()
    {
        AssertBuilt();
        var logs = Events().Where(e => e.GetProperty("type").GetString() == "log").Select(e => e.GetProperty("message").GetString()!);

        Assert.Contains(logs, m => m.StartsWith("loaded linux/amd64 as ", StringComparison.Ordinal) && m.Contains("skipped linux/arm64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_push_uploads_no_blob()
    {
        AssertBuilt();

        var again = await BoxerHost.RunAsync(
            ["docker", "--stage", MultiArchBuild.AmdStage, "--stage", build.Arm64Stage, "--recipe", "none", "--tag", build.Tag, "--push", "--insecure-registry", "--json"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///nonexistent/boxer-multi.sock", ["SOURCE_DATE_EPOCH"] = MultiArchBuild.Epoch });

        Assert.True(again.ExitCode == 0, again.ToString());
        var messages = again.StdOutLines.Select(JsonEventSchema.Check).Where(e => e.GetProperty("type").GetString() == "log")
            .Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.True(messages.Any(m => m.EndsWith("0 blob(s) uploaded, 4 already there", StringComparison.Ordinal)), string.Join("\n", messages));
        Assert.DoesNotContain(messages, m => m.Contains(" uploaded (", StringComparison.Ordinal));
    }

    [Fact]
    public void The_out_archive_holds_the_index_for_skopeo_and_umoci_and_docker_load_gets_the_amd64_image()
    {
        AssertBuilt();
        using var raw = JsonDocument.Parse(Skopeo("inspect", "--raw", $"oci-archive:{build.OutPath}"));
        Assert.Equal(["linux/amd64", "linux/arm64"], Platforms(raw.RootElement));

        using var dir = new TempDir("boxer-multi-out-");
        ExternalTool.Run("tar", ["-xf", build.OutPath, "-C", dir.Path]).EnsureSuccess();
        var umoci = ExternalTool.Run("umoci", ["ls", "--layout", dir.Path]).EnsureSuccess();
        Assert.Equal(build.Tag[(build.Tag.LastIndexOf(':') + 1)..], umoci.Stdout.Trim());
        using var dockerManifest = JsonDocument.Parse(File.ReadAllText(dir.Combine("manifest.json")));
        var config = Assert.Single(dockerManifest.RootElement.EnumerateArray()).GetProperty("Config").GetString()!;
        using var image = JsonDocument.Parse(File.ReadAllText(dir.Combine(config)));
        Assert.Equal("amd64", image.RootElement.GetProperty("architecture").GetString());
    }

    [Fact]
    public async Task Two_stages_of_one_platform_are_refused_in_one_line()
    {
        using var dir = new TempDir("boxer-multi-same-");

        var run = await BoxerHost.RunAsync("docker", "--stage", Fixtures.Basic("xz"), "--stage", Fixtures.Basic("gz"), "--recipe", "none", "--out", dir.Combine("x.tar"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("same platform (linux/amd64)", Assert.Single(run.StdErrLines, l => l.StartsWith("boxer: ", StringComparison.Ordinal)));
        Assert.False(File.Exists(dir.Combine("x.tar")));
    }

    [Fact]
    public async Task Sif_writes_one_file_per_architecture()
    {
        using var dir = new TempDir("boxer-multi-sif-");

        var run = await BoxerHost.RunAsync("sif", "--stage", MultiArchBuild.AmdStage, "--stage", build.Arm64Stage, "--recipe", "none", "--out", dir.Combine("m.sif"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["m-amd64.sif", "m-arm64.sif"], System.IO.Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Boxer_manifest_joins_two_separately_pushed_images_into_one_index()
    {
        string amd = $"{build.Registry.Host}/boxer/join:amd64";
        string arm = $"{build.Registry.Host}/boxer/join-arm:arm64";
        var noEngine = new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///nonexistent/boxer-multi.sock" };
        foreach (var (stage, tag) in new[] { (MultiArchBuild.AmdStage, amd), (build.Arm64Stage, arm) })
        {
            var pushed = await BoxerHost.RunAsync(["docker", "--stage", stage, "--recipe", "none", "--tag", tag, "--push", "--insecure-registry"], noEngine);
            Assert.True(pushed.ExitCode == 0, pushed.ToString());
        }
        string joined = $"{build.Registry.Host}/boxer/join:1";

        var run = await BoxerHost.RunAsync("manifest", "--tag", joined, "--insecure-registry", amd, arm);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var raw = JsonDocument.Parse(Skopeo("inspect", "--raw", "--tls-verify=false", $"docker://{joined}"));
        Assert.Equal(["linux/amd64", "linux/arm64"], Platforms(raw.RootElement));
        using var dir = new TempDir("boxer-multi-join-");
        Skopeo("copy", "--override-arch", "arm64", "--src-tls-verify=false", $"docker://{joined}", $"oci:{dir.Combine("oci")}:arm");
        var layer = Assert.Single(Manifest(dir.Combine("oci")).GetProperty("layers").EnumerateArray());
        Assert.Equal(ElfMachineAarch64, ShMachine(BlobPath(dir.Combine("oci"), layer), dir));
    }

    [Fact]
    public async Task Peak_memory_stays_under_300_MB_per_imported_stage()
    {
        using var dir = new TempDir("boxer-multi-rss-");
        long peakKib = 0;

        // VmHWM (the process's peak RSS so far) read at every progress line; env execs dotnet, so the pid is boxer's.
        var run = await BoxerHost.RunAsync(
            ["docker", "--stage", MultiArchBuild.AmdStage, "--stage", build.Arm64Stage, "--recipe", "none", "--out", dir.Combine("x.tar")],
            new Dictionary<string, string?>(), null, (_, process) => peakKib = Math.Max(peakKib, HighWaterMarkKib(process.Id)));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.InRange(peakKib, 1, 2 * 300 * 1024);
    }

    private static long HighWaterMarkKib(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void AssertBuilt() => Assert.True(build.Run.ExitCode == 0, build.Run.ToString());

    private IEnumerable<JsonElement> Events() => build.Run.StdOutLines.Select(JsonEventSchema.Check);

    private static string Skopeo(params string[] args) => ExternalTool.Run("skopeo", args).EnsureSuccess().Stdout;

    private static List<string> Platforms(JsonElement index) =>
    [
        .. index.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("platform"))
            .Select(p => $"{p.GetProperty("os").GetString()}/{p.GetProperty("architecture").GetString()}")
            .Order(StringComparer.Ordinal),
    ];

    private static JsonElement Manifest(string layout)
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(layout, "index.json")));
        var manifest = index.RootElement.GetProperty("manifests")[0];
        return JsonDocument.Parse(File.ReadAllText(BlobPath(layout, manifest))).RootElement.Clone();
    }

    private static string BlobPath(string layout, JsonElement descriptor) =>
        Path.Combine(layout, "blobs", "sha256", descriptor.GetProperty("digest").GetString()!["sha256:".Length..]);

    /// <summary>The ELF e_machine of the layer's /bin/sh, followed through its symlinks (merged /usr: bin → usr/bin, sh → dash).</summary>
    internal static ushort ShMachine(string layerBlob, TempDir scratch)
    {
        string root = Directory.CreateDirectory(scratch.Combine("root")).FullName;
        ExternalTool.Run("tar", ["-xf", layerBlob, "-C", root, "--wildcards", "*sh", "bin"]).EnsureSuccess();
        string sh = ExternalTool.Run("sh", ["-c", $"cd '{root}' && readlink -f bin/sh"]).EnsureSuccess().Stdout.Trim();
        Assert.StartsWith(root, sh);
        var header = File.ReadAllBytes(sh).AsSpan(0, 20);
        Assert.True(header[..4].SequenceEqual(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }), $"{sh} is no ELF");
        return BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
    }
}
