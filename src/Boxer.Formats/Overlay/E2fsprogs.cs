using System.Text;
using CliWrap;

namespace Boxer.Formats.Overlay;

/// <summary>The e2fsprogs programs the overlay needs, found on PATH and run as child processes.</summary>
internal static class E2fsprogs
{
    public const string Package = "e2fsprogs";
    public const string Mkfs = "mkfs.ext3";
    public const string Debugfs = "debugfs";

    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Runs <paramref name="toolPath"/>; its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Stderr)> RunAsync(
        string toolPath, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, string stdin,
        CancellationToken cancellationToken)
    {
        var stderr = new StringBuilder();
        var result = await Cli.Wrap(toolPath)
            .WithArguments(arguments)
            .WithEnvironmentVariables(environment)
            .WithStandardInputPipe(PipeSource.FromString(stdin))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return (result.ExitCode, stderr.ToString());
    }
}
