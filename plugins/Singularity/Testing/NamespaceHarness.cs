using System.Diagnostics;
using System.Globalization;
using Boxer.Abstractions.Testing;

namespace Boxer.Targets.Singularity.Testing;

/// <summary>
/// Boots a SIF's partition the way <c>instance start --boot --writable-tmpfs</c> does, without a runtime (root
/// only; the technique of tests/Boxer.Targets.Singularity.Tests/Support/boot-sif.sh): the squashfs mounted
/// read-only at its offset, a tmpfs overlay on top, a private tmpfs /dev whose console is a FIFO drained into a
/// log, and /sbin/init as PID 1 in new PID/mount/UTS/net/IPC namespaces. Commands run inside with
/// <c>nsenter</c>; the stop is SIGINT to init, as <c>instance stop</c> sends, and SIGKILL after the grace.
/// </summary>
internal sealed class NamespaceHarness : IBootedImage
{
    private readonly HarnessMounts _mounts;
    private readonly Process _unshare;
    private readonly Process _console;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly int _init;
    private readonly TimeSpan _grace;

    private NamespaceHarness(HarnessMounts mounts, Process unshare, Process console, int init, TimeSpan grace)
    {
        _mounts = mounts;
        _unshare = unshare;
        _console = console;
        _stdout = unshare.StandardOutput.ReadToEndAsync();
        _stderr = unshare.StandardError.ReadToEndAsync();
        _init = init;
        _grace = grace;
    }

    public string Runtime =>
        $"boxer's namespace harness (no apptainer or singularity on PATH): mount -t squashfs -o loop,ro,offset={_mounts.Offset} + tmpfs overlay; "
        + $"unshare --fork --pid --mount --uts --net --ipc chroot ROOT /sbin/init; stop: SIGINT to init, SIGKILL after {_grace.TotalSeconds:0} s";

    public static async Task<NamespaceHarness> StartAsync(string sif, long offset, long size, TimeSpan grace, CancellationToken cancellationToken)
    {
        var mounts = await HarnessMounts.CreateAsync(sif, offset, size, cancellationToken).ConfigureAwait(false);
        Process? console = null;
        Process? unshare = null;
        try
        {
            // read-write open: the reader never sees end-of-file when a writer closes
            console = HostProcess.Start("sh", ["-c", "exec cat <>\"$1\" >>\"$2\"", "sh", mounts.ConsoleFifo, mounts.ConsoleLog]);
            unshare = HostProcess.Start("unshare",
                ["--fork", "--kill-child", "--pid", "--mount", "--uts", "--net", "--ipc", $"--mount-proc={mounts.Root}/proc", "chroot", mounts.Root, "/sbin/init"]);
            int init = await FindChildAsync(unshare.Id, cancellationToken).ConfigureAwait(false);
            return new NamespaceHarness(mounts, unshare, console, init, grace);
        }
        catch
        {
            Kill(unshare);
            Kill(console);
            await mounts.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<BootExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        HostProcess.RunAsync("nsenter",
            ["--target", _init.ToString(CultureInfo.InvariantCulture), "--mount", "--pid", "--uts", "--ipc", "--net", "--root", "--wd", "--", .. command],
            cancellationToken);

    public async Task<BootStopResult> StopAsync(CancellationToken cancellationToken)
    {
        await HostProcess.RunAsync("kill", ["-INT", _init.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(_grace);
        try
        {
            await _unshare.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            return new BootStopResult(Killed: false, _unshare.ExitCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // --kill-child: killing unshare kills init and with it the whole PID namespace.
            Kill(_unshare);
            await _unshare.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return new BootStopResult(Killed: true, _unshare.ExitCode);
        }
    }

    public async Task<IReadOnlyList<BootStream>> ReadOutputAsync(CancellationToken cancellationToken)
    {
        // Let the console reader drain what the shutdown wrote.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        return
        [
            new BootStream("console", File.Exists(_mounts.ConsoleLog) ? await File.ReadAllTextAsync(_mounts.ConsoleLog, cancellationToken).ConfigureAwait(false) : ""),
            new BootStream("init stdout", await _stdout.ConfigureAwait(false)),
            new BootStream("init stderr", await _stderr.ConfigureAwait(false)),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_unshare);
        Kill(_console);
        _unshare.Dispose();
        _console.Dispose();
        await _mounts.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>unshare --fork has one child, which execs chroot and then /sbin/init: PID 1 of the new namespace.</summary>
    private static async Task<int> FindChildAsync(int parent, CancellationToken cancellationToken)
    {
        string children = $"/proc/{parent}/task/{parent}/children";
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (File.Exists(children) && (await File.ReadAllTextAsync(children, cancellationToken).ConfigureAwait(false)).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..])
            {
                return int.Parse(first, CultureInfo.InvariantCulture);
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        throw new Boxer.Abstractions.TargetException("sif", "the namespace harness's init did not start");
    }

    private static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
