using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>The built-in behaviour of the real <c>boxer</c> executable: help, version, errors, exit codes.</summary>
public sealed class CliSpecs
{
    [Fact]
    public async Task I_can_ask_for_the_version()
    {
        var result = await BoxerHost.RunAsync("--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StdOut.Trim());
        Assert.Empty(result.StdErr);
    }

    [Fact]
    public async Task The_help_names_the_built_in_verbs_and_global_options()
    {
        var result = await BoxerHost.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdOutLines, l => l.StartsWith("targets ", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("inspect <STAGE> ", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("-v, --verbose ", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("-q, --quiet ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task I_can_list_the_in_tree_targets_found_beside_the_executable()
    {
        var result = await BoxerHost.RunAsync("targets");

        Assert.True(result.ExitCode == 0, result.ToString());
        var pluginsDir = Path.Combine(BoxerHost.HostDirectory, "plugins");
        Assert.Contains(result.StdOutLines, l => l.StartsWith("docker: ", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.StartsWith("sif: ", StringComparison.Ordinal));
        Assert.Contains($"plugin: Boxer.Targets.Docker 1.0.0 ({Path.Combine(pluginsDir, "Boxer.Targets.Docker", "Boxer.Targets.Docker.dll")})", result.StdOutLines);
        Assert.Empty(result.StdErr);
    }

    [Fact]
    public async Task An_in_tree_target_verb_refuses_a_value_its_option_check_rejects()
    {
        using var dir = new TempDir();

        var result = await BoxerHost.RunAsync("sif", "--stage", dir.Combine("missing.tar.xz"), "--block-size", "1000");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.StdErrLines);
        Assert.StartsWith("boxer: sif: --block-size: ", result.StdErrLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("boxer: Unrecognized command or argument 'frobnicate' (see --help)", "frobnicate")]
    [InlineData("boxer: Unrecognized command or argument '--frobnicate' (see --help)", "targets", "--frobnicate")]
    [InlineData("boxer: Required argument missing for command: 'inspect' (see --help)", "inspect")]
    public async Task An_unknown_verb_or_option_is_a_usage_error_on_one_line(string message, params string[] args)
    {
        var result = await BoxerHost.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal([message], result.StdErrLines);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Inspecting_a_missing_stage_is_bad_input_with_one_line_and_no_stack_trace()
    {
        using var dir = new TempDir();
        var stage = dir.Combine("stage3-missing.tar.xz");

        var result = await BoxerHost.RunAsync("inspect", stage, "--verbose");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal($"boxer: {stage}: no such file", result.StdErrLines[^1]);
        Assert.DoesNotContain(result.StdErrLines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }
}
