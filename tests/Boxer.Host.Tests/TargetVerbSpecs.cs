using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>Verbs generated from a loaded target's declared options, exercised through the tiny test plugin.</summary>
[Collection(PluginCollection.Name)]
public sealed class TargetVerbSpecs(PluginWorkshop workshop)
{
    private Task<ProcessResult> RunAsync(params string[] args) =>
        BoxerHost.RunAsync(args, new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = workshop.GoodRoot });

    [Fact]
    public async Task A_target_verb_shows_its_declared_options_in_help()
    {
        var result = await RunAsync("tiny", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdOutLines, l => l.StartsWith("--stage <FILE|URL|gentoo:ARCH-FLAVOUR>", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("--out <FILE>", StringComparison.Ordinal) && l.EndsWith("The file to write (required)", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("--mood <calm|loud>", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("--shout ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("boxer: tiny: --out is required (see --help)", "tiny", "--stage", "missing.tar.xz")]
    [InlineData("boxer: Option '--stage' is required (see --help)", "tiny", "--out", "x.txt")]
    [InlineData("boxer: tiny: --greeting: letters only, please (see --help)", "tiny", "--stage", "missing.tar.xz", "--out", "x", "--greeting", "hi there")]
    [InlineData("boxer: Argument 'sad' not recognized. Must be one of: 'calm' 'loud' (see --help)", "tiny", "--stage", "missing.tar.xz", "--out", "x", "--mood", "sad")]
    [InlineData("boxer: tiny: --shout needs --mood loud (see --help)", "tiny", "--stage", "missing.tar.xz", "--out", "x", "--shout")]
    public async Task A_bad_option_is_a_usage_error_before_the_stage_is_read(string message, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal([message], result.StdErrLines);
    }

    [Fact]
    public async Task A_malformed_SOURCE_DATE_EPOCH_is_a_usage_error()
    {
        var result = await BoxerHost.RunAsync(
            ["tiny", "--stage", "missing.tar.xz", "--out", "x"],
            new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = workshop.GoodRoot, ["SOURCE_DATE_EPOCH"] = "yesterday" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["boxer: SOURCE_DATE_EPOCH: 'yesterday' is not a whole number of seconds since 1970-01-01 UTC (see --help)"], result.StdErrLines);
    }

    [Fact]
    public async Task A_missing_stage_is_bad_input_with_one_line_and_no_stack_trace()
    {
        using var dir = new TempDir();
        var stage = dir.Combine("no-such-stage3.tar.xz");

        var result = await RunAsync("tiny", "--stage", stage, "--out", dir.Combine("out.txt"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal([$"boxer: {stage}: no such file"], result.StdErrLines);
        Assert.False(File.Exists(dir.Combine("out.txt")));
    }

    [Fact]
    public async Task I_can_build_a_third_party_target_from_a_stage3()
    {
        using var dir = new TempDir();
        var stage = Fixtures.Basic("xz");
        var environment = new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = workshop.GoodRoot, ["SOURCE_DATE_EPOCH"] = "1700000000" };

        var result = await BoxerHost.RunAsync(
            ["tiny", "--stage", stage, "--out", "paths.txt", "--mood", "loud", "--shout", "--greeting", "howdy", "--recipe", "none"], environment, dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = dir.Combine("paths.txt");
        Assert.StartsWith($"tiny file {output} ", result.StdOutLines[0], StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("HOWDY", lines[0]);
        var expected = GnuTarListing.ReadWithoutValues(stage).Select(e => e.Path).Append("./").Append("./etc/tiny-prepared").Distinct();
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines[1..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ctrl_C_cancels_the_build_removes_the_partial_output_and_exits_130()
    {
        using var dir = new TempDir();
        var signalled = false;

        var result = await BoxerHost.RunAsync(
            ["tiny", "--stage", Fixtures.Basic("tar"), "--out", "held.txt", "--hold", "--recipe", "none"],
            new Dictionary<string, string?> { ["BOXER_PLUGIN_PATH"] = workshop.GoodRoot },
            dir.Path,
            (line, process) =>
            {
                if (!signalled && line.EndsWith("tiny: holding until cancelled", StringComparison.Ordinal))
                {
                    signalled = true;
                    ExternalTool.RunChecked("kill", "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            });

        Assert.True(signalled, result.ToString());
        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Equal("boxer: cancelled", result.StdErrLines[^1]);
        Assert.False(File.Exists(dir.Combine("held.txt")));
    }
}
