using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Support;

/// <summary>
/// A copy of the built boxer (the host with its plugins folder) in a fresh 0755 temp directory, run as a child
/// process either as root or as an unprivileged user (uid/gid 65534, no groups, through <c>setpriv</c>). The
/// copy matters: the checkout may sit under a 0700 home that user cannot enter. The directory also holds the
/// process's own HOME, XDG_CACHE_HOME, DOTNET_CLI_HOME and TMPDIR and a working directory, all owned by that
/// user, so nothing is read from or left in the real ones.
/// </summary>
public sealed class StagedBoxer : IDisposable
{
    /// <summary>The uid and gid of the unprivileged user (nobody/nogroup on Debian).</summary>
    public const int UnprivilegedId = 65534;

    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);
    private readonly TempDir _root = new("boxer-staged-");

    public StagedBoxer()
    {
        ExternalTool.RunChecked("chmod", "0755", _root.Path);
        ExternalTool.RunChecked("cp", "-R", BoxerHost.HostDirectory, _root.Combine("app"));
        Home = OwnedDirectory("home");
        Cache = OwnedDirectory("cache");
        Temp = OwnedDirectory("tmp");
        Work = OwnedDirectory("work");
    }

    public string Home { get; }

    public string Cache { get; }

    /// <summary>The child's TMPDIR.</summary>
    public string Temp { get; }

    /// <summary>The child's working directory, writable by the unprivileged user: outputs go here.</summary>
    public string Work { get; }

    /// <summary>Copies <paramref name="file"/> (a fixture stage3) into the staged directory, readable by all.</summary>
    public string Stage(string file)
    {
        var copy = Path.Combine(Directory.CreateDirectory(_root.Combine("stage")).FullName, Path.GetFileName(file));
        File.Copy(file, copy);
        ExternalTool.RunChecked("chmod", "0644", copy);
        return copy;
    }

    /// <summary>
    /// Runs boxer with <paramref name="args"/> in <see cref="Work"/>; SIGINT is reset to its default (see
    /// <see cref="BoxerHost"/>). <paramref name="onStdOutLine"/> sees each stdout line as it comes, with the process.
    /// </summary>
    public async Task<ProcessResult> RunAsync(
        IEnumerable<string> args, bool unprivileged, Action<string, Process>? onStdOutLine = null)
    {
        string id = UnprivilegedId.ToString(CultureInfo.InvariantCulture);
        string[] asUser = unprivileged ? ["setpriv", $"--reuid={id}", $"--regid={id}", "--clear-groups"] : [];
        using var process = new Process { StartInfo = StartInfo(["--default-signal=INT", .. asUser, "dotnet", _root.Combine("app", "boxer.dll"), .. args]) };
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        var (stdoutDone, stderrDone) = (new TaskCompletionSource(), new TaskCompletionSource());
        process.OutputDataReceived += (_, e) =>
        {
            Collect(stdout, e.Data, stdoutDone);
            if (e.Data is { } line)
            {
                onStdOutLine?.Invoke(line, process);
            }
        };
        process.ErrorDataReceived += (_, e) => Collect(stderr, e.Data, stderrDone);
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
            throw new TimeoutException($"boxer {string.Join(' ', args)} did not finish within {HangGuard}");
        }
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _root.Dispose();

    private string OwnedDirectory(string name)
    {
        var path = Directory.CreateDirectory(_root.Combine(name)).FullName;
        ExternalTool.RunChecked("chown", $"{UnprivilegedId}:{UnprivilegedId}", path);
        return path;
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Work,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("BOXER_PLUGIN_PATH");
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        info.Environment["HOME"] = Home;
        info.Environment["XDG_CACHE_HOME"] = Cache;
        info.Environment["DOTNET_CLI_HOME"] = Home;
        info.Environment["TMPDIR"] = Temp;
        info.Environment["DOTNET_NOLOGO"] = "1";
        // No diagnostics IPC socket in TMPDIR: what is left there after a run is then boxer's alone.
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        return info;
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
}
