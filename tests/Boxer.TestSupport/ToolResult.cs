namespace Boxer.TestSupport;

/// <summary>What an external program left behind: its exit code and everything it printed.</summary>
public sealed record ToolResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command line and stderr unless the program exited 0.</summary>
    public ToolResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException(
                $"`{Command}` exited {ExitCode}: {Stderr.Trim()}{(Stderr.Length == 0 ? Stdout.Trim() : "")}");
        }
        return this;
    }
}
