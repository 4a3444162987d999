using System.Diagnostics;

namespace Boxer.Core.Tests.Import;

/// <summary>Runs the real external tools the tests compare against; a missing tool fails the test with its name.</summary>
internal static class Tools
{
    public static string Run(string tool, IEnumerable<string> args, string? workingDirectory = null, string? stdoutFile = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"this test needs the '{tool}' tool on PATH (Debian package: see tests/Boxer.Core.Tests/README.md): {e.Message}", e);
        }
        using (process)
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
