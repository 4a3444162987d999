using System.Diagnostics;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Import;

/// <summary>
/// Runs the real tools the import tests build their inputs with. Unlike <see cref="ExternalTool"/> it can
/// send binary stdout (a compressor's output) to a file; a missing tool fails the test naming its package.
/// </summary>
internal static class Tools
{
    public static string Run(string tool, IEnumerable<string> args, string? workingDirectory = null, string? stdoutFile = null)
    {
        var info = new ProcessStartInfo(ExternalTool.Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using (var process = Process.Start(info)!)
        {
            string output;
            var errorTask = process.StandardError.ReadToEndAsync();
            if (stdoutFile is not null)
            {
                using var file = File.Create(stdoutFile);
                process.StandardOutput.BaseStream.CopyTo(file);
                output = "";
            }
            else
            {
                output = process.StandardOutput.ReadToEnd();
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {errorTask.Result}");
            }
            return output;
        }
    }

    public static string Shell(string script, string? workingDirectory = null) => Run("sh", ["-c", script], workingDirectory);

    public static void RequireRoot() =>
        Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root",
            "this test builds device nodes and foreign owners with mknod/chown: run it as root (CI does)");
}
