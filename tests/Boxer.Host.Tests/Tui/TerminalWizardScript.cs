using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Tui;

/// <summary>
/// Drives <c>boxer tui</c> in a terminal (tmux, possibly through ssh) from the demo stage3 to a finished sif
/// build, with keys as a user types them, asserting each screen on the way.
/// </summary>
internal static class TerminalWizardScript
{
    /// <summary>The shell command that runs the wizard in <paramref name="directory"/> and then prints its exit code.</summary>
    public static string WizardCommand(string directory, string environment) =>
        $"cd {directory} && env -u BOXER_PLUGIN_PATH -u XDG_CACHE_HOME -u XDG_CONFIG_HOME HOME={directory}/home {environment} {DotnetPath()} {BoxerHost.DllPath} tui; " +
        "echo BOXER-EXIT=$?; sleep 600";

    /// <summary>Copies the demo stage3 into a new temp dir for the wizard to find in its start directory.</summary>
    public static TempDir StageDirectory()
    {
        var directory = new TempDir("boxer-tui-term-");
        File.Copy(Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz"), directory.Combine("stage3-demo.tar.xz"));
        return directory;
    }

    public static void BuildSif(TmuxSession terminal, string output)
    {
        terminal.WaitFor("stage3-demo.tar.xz");
        terminal.Keys("Enter");
        terminal.WaitFor("init: OpenRC");
        terminal.Keys("F3");
        var targets = terminal.WaitFor("Step 2 of 6: Targets");
        var listed = targets.Split('\n').Where(l => l.Contains("☐ ", StringComparison.Ordinal)).ToList();
        var index = listed.FindIndex(l => l.Contains("☐ sif - ", StringComparison.Ordinal));
        Assert.True(index >= 0, $"sif is not listed:\n{targets}");
        terminal.Keys([.. Enumerable.Repeat("Down", index), "Space"]);
        terminal.WaitFor("☑ sif - ");
        terminal.Keys("F3");
        terminal.WaitFor("openrc-server - ");
        terminal.Keys("F3");
        terminal.WaitFor("--compression");
        terminal.Text(output);
        terminal.WaitFor(Path.GetFileName(output));
        terminal.Keys("F3");
        terminal.WaitFor("Step 6 of 6: Summary");
        // The title is drawn before the summary's text: on a loaded machine the first screen that shows
        // the step can still lack the rest, so wait for the last line the summary writes.
        var summary = terminal.WaitFor("The same build headless:");
        Assert.Contains("Built 1 artifact(s):", summary);
        Assert.True(File.Exists(output), $"{output} was not written:\n{summary}");
    }

    private static string DotnetPath() => ExternalTool.Find("dotnet") ?? "dotnet";
}
