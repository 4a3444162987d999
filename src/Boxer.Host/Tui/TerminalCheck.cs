using Boxer.Host.Cli;

namespace Boxer.Host.Tui;

/// <summary>
/// Whether the wizard can run here. Terminal.Gui waits forever for terminal replies when stdin or stdout
/// is not a terminal, so boxer refuses instead of hanging.
/// </summary>
internal static class TerminalCheck
{
    /// <summary>Why there is no usable terminal, or null when stdin and stdout both are one.</summary>
    public static string? Problem(CliConsole console)
    {
        if (!console.InteractiveTerminal)
        {
            return "the wizard needs a terminal (stdin and stdout are not both terminals); build headless instead, e.g. boxer sif --stage FILE (see --help)";
        }
        return Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb"
            ? "the wizard needs a terminal that can draw (TERM is unset or dumb); build headless instead (see --help)"
            : null;
    }

    /// <summary>Whether plain <c>boxer</c> should open the wizard: on an interactive terminal only.</summary>
    public static bool IsInteractive(CliConsole console) => Problem(console) is null;
}
