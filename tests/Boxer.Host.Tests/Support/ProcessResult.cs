namespace Boxer.Host.Tests.Support;

/// <summary>What a finished child process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public IReadOnlyList<string> StdErrLines =>
        StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> StdOutLines =>
        StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
