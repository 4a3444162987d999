using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>Each class of failure has its own documented exit code (README.md, docs/cli.md).</summary>
public sealed class ExitCodeSpecs
{
    private static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    [Fact]
    public async Task A_build_exits_0()
    {
        using var directory = new TempDir("boxer-exit-");
        var run = await BoxerHost.RunAsync("sif", "--stage", DemoStage, "--recipe", "none", "--out", directory.Combine("a.sif"));
        Assert.True(run.ExitCode == ExitCode.Success, run.ToString());
    }

    [Fact]
    public async Task Bad_usage_exits_2()
    {
        var run = await BoxerHost.RunAsync("sif", "--no-such-option");
        Assert.True(run.ExitCode == ExitCode.Usage, run.ToString());
    }

    [Fact]
    public async Task A_missing_stage3_is_bad_input_and_exits_3()
    {
        var run = await BoxerHost.RunAsync("sif", "--stage", "/nonexistent/stage3.tar.xz", "--recipe", "none");
        Assert.True(run.ExitCode == ExitCode.BadInput, run.ToString());
        Assert.Contains("no such file", run.StdErr);
    }

    [Fact]
    public async Task A_stage3_that_cannot_be_read_is_bad_input_and_exits_3()
    {
        // /proc/self/mem is a regular file that opens but fails every read at offset 0 with EIO: a read error
        // on the stage3 is the input's fault, not a failure of the outputs (4).
        var run = await BoxerHost.RunAsync("inspect", "/proc/self/mem");
        Assert.True(run.ExitCode == ExitCode.BadInput, run.ToString());
        Assert.Equal("boxer: cannot read '/proc/self/mem': Input/output error", Assert.Single(run.StdErrLines));
    }

    [Fact]
    public async Task A_target_that_cannot_write_its_output_exits_4()
    {
        using var directory = new TempDir("boxer-exit-");
        File.WriteAllText(directory.Combine("a-file"), "");
        var run = await BoxerHost.RunAsync("sif", "--stage", DemoStage, "--recipe", "none", "--out", directory.Combine("a-file", "x.sif"));
        Assert.True(run.ExitCode == ExitCode.TargetFailure, run.ToString());
        Assert.StartsWith("boxer: sif: ", run.StdErrLines[^1]);
    }

    [Fact]
    public async Task The_wizard_without_a_terminal_says_so_and_exits_2_instead_of_hanging()
    {
        var run = await BoxerHost.RunAsync("tui");
        Assert.True(run.ExitCode == ExitCode.Usage, run.ToString());
        Assert.Contains("needs a terminal", run.StdErr);
    }

    [Fact]
    public async Task Plain_boxer_without_a_terminal_shows_the_help_and_exits_2()
    {
        var run = await BoxerHost.RunAsync();
        Assert.True(run.ExitCode == ExitCode.Usage, run.ToString());
        Assert.Contains("tui", run.StdOut);
    }
}
