using System.Text.Json;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary><c>--json</c>: stdout is nothing but JSON lines, in the schema README.md documents.</summary>
public sealed class JsonEventSpecs
{
    private static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    [Fact]
    public async Task I_can_follow_a_build_as_json_lines_ending_with_the_result()
    {
        using var directory = new TempDir("boxer-json-");
        var output = directory.Combine("demo.sif");

        var run = await BoxerHost.RunAsync("sif", "--stage", DemoStage, "--recipe", "none", "--out", output, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = run.StdOutLines.Select(JsonEventSchema.Check).ToList();
        var types = events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("phaseStarted", types[0]);
        // The stage is checked (and hashed for its provenance) before it is imported.
        Assert.Equal("stage:verify", events[0].GetProperty("phase").GetString());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "phaseStarted" && e.GetProperty("phase").GetString() == "import");
        Assert.Contains("phaseProgress", types);
        Assert.Contains("phaseCompleted", types);
        var artifact = Assert.Single(events, e => e.GetProperty("type").GetString() == "artifact");
        Assert.Equal(output, artifact.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(output).Length, artifact.GetProperty("size").GetInt64());
        Assert.StartsWith("sha256:", artifact.GetProperty("digest").GetString());
        var result = events[^1];
        Assert.Equal("result", types[^1]);
        Assert.Equal(0, result.GetProperty("exitCode").GetInt32());
        Assert.False(result.TryGetProperty("error", out _));
        Assert.Equal("unverified", result.GetProperty("stage").GetProperty("io.boxer.stage3.signer").GetString());
        Assert.Equal(output, Assert.Single(result.GetProperty("artifacts").EnumerateArray()).GetProperty("path").GetString());
    }

    [Theory]
    [InlineData(ExitCode.BadInput, "no such file", "sif", "--stage", "missing.tar.xz", "--recipe", "none")]
    [InlineData(ExitCode.Usage, "lzma", "sif", "--stage", "missing.tar.xz", "--compression", "lzma")]
    public async Task A_failure_ends_the_stream_with_its_exit_code_and_one_line_error(int code, string mention, params string[] args)
    {
        var run = await BoxerHost.RunAsync([.. args, "--json"], new Dictionary<string, string?>());

        Assert.True(run.ExitCode == code, run.ToString());
        var result = JsonEventSchema.Check(Assert.Single(run.StdOutLines));
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal(code, result.GetProperty("exitCode").GetInt32());
        Assert.Contains(mention, result.GetProperty("error").GetString());
        Assert.Empty(result.GetProperty("artifacts").EnumerateArray());
    }

    [Fact]
    public async Task Plan_json_stays_the_plan_document()
    {
        var run = await BoxerHost.RunAsync("sif", "--stage", DemoStage, "--recipe", "openrc-server", "--plan", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var plan = JsonDocument.Parse(run.StdOut);
        Assert.Equal("sif", plan.RootElement.GetProperty("target").GetString());
    }
}
