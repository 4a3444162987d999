using System.Diagnostics;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests.Support;

/// <summary>
/// The machine's LXD (Debian's <c>lxd</c> package), started on first use when it is not running
/// (<c>lxd --group root</c>, <c>lxd waitready</c>) and initialised when it has no storage: a <c>dir</c> pool and
/// a default profile holding only the root disk. No network is ever created: the instances have none.
/// An LXD started here is shut down when the tests end; one that was already running is left alone.
/// </summary>
public sealed class LocalLxd : IAsyncLifetime
{
    private const string Preseed =
        "storage_pools:\n- name: default\n  driver: dir\nprofiles:\n- name: default\n  devices:\n"
        + "    root:\n      path: /\n      pool: default\n      type: disk\n";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _daemon;
    private TempDir? _logDirectory;
    private bool _ready;

    /// <summary>Makes sure LXD answers and has storage; fails the test with the reason otherwise.</summary>
    public async Task EnsureRunningAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }
            ExternalTool.Require("lxc");
            if (!(await Lxc("info")).Succeeded)
            {
                Start();
                await Check(ExternalTool.RunAsync("lxd", ["waitready", "--timeout", "60"], new ToolRunOptions { Timeout = TimeSpan.FromSeconds(90) }));
            }
            if (!(await Lxc("storage", "show", "default")).Succeeded)
            {
                await Check(ExternalTool.RunAsync("lxd", ["init", "--preseed"], new ToolRunOptions { StandardInput = Preseed }));
            }
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <c>lxc</c> with the arguments; never throws on a non-zero exit.</summary>
    public static Task<ToolResult> Lxc(params string[] args) =>
        ExternalTool.RunAsync("lxc", args, new ToolRunOptions { Timeout = TimeSpan.FromMinutes(3) });

    /// <summary>Runs <c>lxc</c> and fails the test unless it exits 0.</summary>
    public static Task<ToolResult> LxcChecked(params string[] args) => Check(Lxc(args));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_daemon is null)
        {
            return;
        }
        await ExternalTool.RunAsync("lxd", ["shutdown", "--timeout", "60"], new ToolRunOptions { Timeout = TimeSpan.FromSeconds(90) });
        if (!_daemon.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _daemon.Kill(entireProcessTree: true);
        }
        _daemon.Dispose();
        _logDirectory?.Dispose();
        _gate.Dispose();
    }

    private void Start()
    {
        // The daemon's log lives as long as the daemon: removed with it in DisposeAsync.
        _logDirectory = new TempDir("boxer-lxd-log-");
        var log = _logDirectory.Combine("lxd.log");
        var info = new ProcessStartInfo(ExternalTool.Require("lxd"), ["--group", "root", "--logfile", log])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        _daemon = Process.Start(info) ?? throw new InvalidOperationException("could not start lxd");
        _daemon.OutputDataReceived += (_, _) => { };
        _daemon.ErrorDataReceived += (_, _) => { };
        _daemon.BeginOutputReadLine();
        _daemon.BeginErrorReadLine();
    }

    private static async Task<ToolResult> Check(Task<ToolResult> run)
    {
        var result = await run;
        Assert.True(result.Succeeded, $"`{result.Command}` exited {result.ExitCode}: {result.Stderr.Trim()} {result.Stdout.Trim()}");
        return result;
    }
}
