using System.Diagnostics;
using System.Text;

namespace Boxer.Host.Tests.Support;

/// <summary>Runs a real program to completion, capturing its output, with an environment of our choosing.</summary>
public static class ProcessRunner
{
    /// <summary>Only a guard against a hung child; no test asserts on time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <summary>Runs the program; <paramref name="onStdErrLine"/> sees each stderr line as it comes, with the process.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, Action<string, Process>? onStdErrLine = null)
    {
        var info = StartInfo(fileName, args, environment, workingDirectory);
        using var process = new Process { StartInfo = info };
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        var (stdoutDone, stderrDone) = (new TaskCompletionSource(), new TaskCompletionSource());
        process.OutputDataReceived += (_, e) => Collect(stdout, e.Data, stdoutDone);
        process.ErrorDataReceived += (_, e) =>
        {
            Collect(stderr, e.Data, stderrDone);
            if (e.Data is { } line)
            {
                onStdErrLine?.Invoke(line, process);
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
            await Task.WhenAll(stdoutDone.Task, stderrDone.Task).WaitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {HangGuard}");
        }
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static void Collect(StringBuilder text, string? line, TaskCompletionSource done)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }
        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    private static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        return info;
    }
}
