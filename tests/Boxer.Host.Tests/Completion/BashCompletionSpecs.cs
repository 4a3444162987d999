using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Completion;

/// <summary>
/// <c>boxer completion bash</c> prints a script that a bash child sources: <c>complete -p boxer</c> shows the
/// registration, and driving the completion function with COMP_WORDS/COMP_CWORD as readline does offers the
/// verbs (built-in and the plugins' ones), a verb's options and an option's fixed values.
/// </summary>
public sealed class BashCompletionSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-completion-");

    [Fact]
    public async Task Sourcing_the_script_registers_boxer_and_completes_verbs_options_and_choices()
    {
        var result = await BoxerHost.RunAsync("completion", "bash");
        Assert.True(result.ExitCode == 0, result.ToString());
        File.WriteAllText(_dir.Combine("boxer.bash"), result.StdOut);

        string registered = Bash("complete -p boxer");
        string afterD = Bash(Complete("boxer", "d"));
        string dockerOptions = Bash(Complete("boxer", "docker", "--p"));
        string compressions = Bash(Complete("boxer", "sif", "--compression", ""));
        string afterStage = Bash(Complete("boxer", "docker", "--stage", "--"));

        Assert.StartsWith("complete ", registered);
        Assert.EndsWith(" boxer", registered.Trim());
        Assert.Equal(["docker"], Words(afterD));
        Assert.Equal(["--plan", "--push"], Words(dockerOptions).Order(StringComparer.Ordinal));
        Assert.Equal(["gzip", "zstd"], Words(compressions));
        // After an option that takes a path nothing is offered, so bash falls back to file names (-o default).
        Assert.Empty(Words(afterStage));
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        var result = await BoxerHost.RunAsync("completion", "fish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fish", result.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A bash snippet that runs the completion for the words typed so far, the last being completed.</summary>
    private static string Complete(params string[] words) =>
        $"COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; "
        + "_boxer_complete; printf '%s\\n' \"${COMPREPLY[@]}\"";

    private string Bash(string snippet) =>
        ExternalTool.RunChecked("bash", "--norc", "--noprofile", "-c", $"source '{_dir.Combine("boxer.bash")}'; {snippet}").Stdout;

    private static string[] Words(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
