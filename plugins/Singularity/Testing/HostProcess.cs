using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Abstractions.Testing;

namespace Boxer.Targets.Singularity.Testing;

/// <summary>Runs a host program to its end and captures both streams (mount, nsenter, apptainer).</summary>
internal static class HostProcess
{
    private const string TargetName = "sif";

    public static async Task<BootExecResult> RunAsync(string program, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        using var process = Start(program, args);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new BootExecResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs and throws a <see cref="TargetException"/> naming the command when it fails.</summary>
    public static async Task RunCheckedAsync(string program, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = await RunAsync(program, args, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new TargetException(TargetName, $"{program} {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        }
    }

    /// <summary>Starts a program with stdin from /dev/null and both streams redirected.</summary>
    public static Process Start(string program, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            var process = Process.Start(info)!;
            process.StandardInput.Close();
            return process;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TargetException(TargetName, $"cannot run {program}: {e.Message}", e);
        }
    }
}
