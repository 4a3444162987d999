using System.Diagnostics;
using System.Text;

namespace Boxer.Formats.Tests.Tar.Support;

/// <summary>Runs a real external tool; a missing tool fails the test with a message naming its package.</summary>
public static class Tool
{
    /// <summary>Runs <paramref name="file"/> and returns its stdout; throws with stderr on a non-zero exit.</summary>
    public static string Run(string file, params string[] args) => Run(file, args, null).Stdout;

    public static (int ExitCode, string Stdout, string Stderr) Try(string file, params string[] args) =>
        Exec(file, args, null, null);

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, string[] args, Stream? stdin, IDictionary<string, string>? env = null)
    {
        var result = Exec(file, args, stdin, env);
        Assert.True(result.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result;
    }

    public static byte[] RunBytes(string file, params string[] args)
    {
        using var process = Start(file, args, null);
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {errors.Result}");
        return output.ToArray();
    }

    /// <summary>Fails the test, naming the Debian package (ExternalTool's one table), unless <paramref name="file"/> is installed.</summary>
    public static void Require(string file) => Boxer.TestSupport.ExternalTool.Require(file);

    private static (int ExitCode, string Stdout, string Stderr) Exec(string file, string[] args, Stream? stdin, IDictionary<string, string>? env)
    {
        using var process = Start(file, args, env);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            stdin.CopyTo(process.StandardInput.BaseStream);
        }
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static Process Start(string file, string[] args, IDictionary<string, string>? env)
    {
        var info = new ProcessStartInfo(Boxer.TestSupport.ExternalTool.Require(file))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        try
        {
            return Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"cannot run '{file}': {e.Message} (is it installed?)");
        }
    }
}
