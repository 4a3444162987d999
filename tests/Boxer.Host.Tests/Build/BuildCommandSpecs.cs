using System.Text.Json;
using Boxer.Host.Tests.Headless;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Build;

/// <summary>
/// <c>boxer build</c>: several <c>--target</c> groups from one import of the demo stage3, run as a process. The
/// outputs are read back by the tools that read them elsewhere in the suite (skopeo, siftool, <c>boxer inspect</c>).
/// </summary>
public sealed class BuildCommandSpecs
{
    private static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    [Fact]
    public async Task I_can_build_docker_and_sif_from_one_import_each_with_its_own_out()
    {
        using var dir = new TempDir("boxer-build-");
        var (archive, sif) = (dir.Combine("a.tar"), dir.Combine("b.sif"));

        var run = await BoxerHost.RunAsync(
            "build", "--stage", DemoStage, "--recipe", "none", "--json",
            "--target", "docker", "--out", archive, "--target", "sif", "--out", sif, "--compression", "gzip");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = run.StdOutLines.Select(JsonEventSchema.Check).ToList();
        Assert.Single(events, e => Is(e, "phaseStarted") && e.GetProperty("phase").GetString() == "import");
        Assert.Contains(events, e => Is(e, "phaseStarted") && e.GetProperty("phase").GetString() == "docker:layer");
        var result = events[^1];
        Assert.Equal([archive, sif], result.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("path").GetString()));
        Assert.False(result.TryGetProperty("failed", out _));
        var skopeo = ExternalTool.Run("skopeo", ["inspect", $"oci-archive:{archive}:latest"]).EnsureSuccess();
        Assert.Equal("amd64", JsonDocument.Parse(skopeo.Stdout).RootElement.GetProperty("Architecture").GetString());
        Assert.Contains("squashfs", ExternalTool.Run("siftool", ["list", sif]).EnsureSuccess().Stdout, StringComparison.OrdinalIgnoreCase);
        var inspect = await BoxerHost.RunAsync("inspect", "--list", sif);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains(" ./bin/busybox", inspect.StdOut);
    }

    [Fact]
    public async Task A_failing_second_target_leaves_the_first_output_and_the_result_names_it()
    {
        using var dir = new TempDir("boxer-build-");
        var sif = dir.Combine("first.sif");
        var noEngine = new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{dir.Combine("no-engine.sock")}" };

        var run = await BoxerHost.RunAsync(
            ["build", "--stage", DemoStage, "--recipe", "none", "--json",
             "--target", "sif", "--out", sif, "--target", "docker", "--tag", "boxer-multi-failing:1"], noEngine);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.True(new FileInfo(sif).Length > 0, $"{sif} is gone\n{run}");
        var result = JsonEventSchema.Check(run.StdOutLines[^1]);
        Assert.Equal(4, result.GetProperty("exitCode").GetInt32());
        var failed = Assert.Single(result.GetProperty("failed").EnumerateArray());
        Assert.Equal("docker", failed.GetProperty("target").GetString());
        Assert.StartsWith("docker: ", failed.GetProperty("error").GetString());
        Assert.Equal(sif, Assert.Single(result.GetProperty("artifacts").EnumerateArray()).GetProperty("path").GetString());
        Assert.Contains(run.StdErrLines, l => l.StartsWith("boxer: docker: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not an option of target 'sif'", "--target", "sif", "--out", "x.sif", "--tag", "a:b")]
    [InlineData("--recipe is an option of the build", "--target", "sif", "--out", "x.sif", "--recipe", "none")]
    [InlineData("--target nosuch: no such target", "--target", "nosuch")]
    [InlineData("needs at least one --target", "--recipe", "none")]
    [InlineData("docker: give --tag", "--target", "sif", "--out", "x.sif", "--target", "docker")]
    public async Task Each_group_is_checked_against_its_own_target_before_the_import(string mention, params string[] args)
    {
        var run = await BoxerHost.RunAsync(["build", "--stage", DemoStage, .. args], new Dictionary<string, string?>());

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.StdErrLines);
        Assert.Contains(mention, line);
    }

    private static bool Is(JsonElement e, string type) => e.GetProperty("type").GetString() == type;
}
