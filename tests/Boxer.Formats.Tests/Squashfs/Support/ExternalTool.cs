using System.Diagnostics;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>Runs an installed tool and returns its output; a missing tool fails the test with the package to install.</summary>
public static class ExternalTool
{
    public static string Run(string tool, string package, params string[] arguments) => RunIn(null, tool, package, arguments);

    public static string RunIn(string? workingDirectory, string tool, string package, params string[] arguments)
    {
        string? path = Find(tool);
        Assert.True(path is not null, $"'{tool}' is not installed: this test needs the Debian package {package}");
        var start = new ProcessStartInfo(path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    public static bool IsRoot => Environment.UserName == "root";

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin:/usr/sbin:/sbin")
            .Split(':').Append("/usr/sbin").Append("/sbin")
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
