using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>The helpers fail loudly and clean up after themselves.</summary>
public sealed class TestSupportSpecs
{
    [Fact]
    public void A_missing_tool_names_its_Debian_package()
    {
        var error = Assert.Throws<MissingToolException>(() => ExternalTool.Require("no-such-tool-boxer"));

        Assert.Contains("no-such-tool-boxer", error.Message, StringComparison.Ordinal);
        Assert.Contains("(Debian package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_reports_its_exit_code_output_and_stdin()
    {
        var result = ExternalTool.Run("sh", ["-c", "cat; echo err >&2; exit 3"], new ToolRunOptions { StandardInput = "in" });

        Assert.Equal((3, "in", "err\n"), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Contains("err", Assert.Throws<InvalidOperationException>(() => result.EnsureSuccess()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_that_runs_too_long_is_killed()
    {
        Assert.Throws<TimeoutException>(() =>
            ExternalTool.Run("sleep", ["30"], new ToolRunOptions { Timeout = TimeSpan.FromMilliseconds(300) }));
    }

    [Fact]
    public void A_temp_dir_disappears_with_its_contents()
    {
        string path;
        using (var dir = new TempDir())
        {
            path = dir.Path;
            Directory.CreateDirectory(dir.Combine("a", "b"));
            File.WriteAllText(dir.Combine("a", "b", "c"), "x");
        }

        Assert.False(Directory.Exists(path));
    }
}
