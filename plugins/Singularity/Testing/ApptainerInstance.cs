using System.Diagnostics;
using Boxer.Abstractions.Testing;

namespace Boxer.Targets.Singularity.Testing;

/// <summary>
/// A SIF booted by apptainer or singularity as an instance (<see cref="SifRuntimeCommands"/>). The runtime does
/// not say whether <c>instance stop</c> had to kill, so a stop that took the whole grace counts as killed.
/// </summary>
internal sealed class ApptainerInstance(SifRuntimeCommands commands, BootExecResult started) : IBootedImage
{
    private BootExecResult? _stopped;

    public string Runtime => $"{commands.Show(commands.Start)}; {commands.Show(commands.Stop)}";

    public static async Task<ApptainerInstance> StartAsync(SifRuntimeCommands commands, CancellationToken cancellationToken)
    {
        await HostProcess.RunCheckedAsync(commands.Runtime, commands.Start, cancellationToken).ConfigureAwait(false);
        return new ApptainerInstance(commands, new BootExecResult(0, "", ""));
    }

    public Task<BootExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        HostProcess.RunAsync(commands.Runtime, commands.Exec(command), cancellationToken);

    public async Task<BootStopResult> StopAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _stopped = await HostProcess.RunAsync(commands.Runtime, commands.Stop, cancellationToken).ConfigureAwait(false);
        return new BootStopResult(clock.Elapsed >= commands.Grace, null)
        {
            Problem = _stopped.ExitCode == 0 ? null : $"{commands.Show(commands.Stop)} failed ({_stopped.ExitCode}): {_stopped.Stderr.Trim()}",
        };
    }

    /// <summary>Both runtimes keep an instance's init output in ~/.NAME/instances/logs/HOST/USER/INSTANCE.{out,err}.</summary>
    public Task<IReadOnlyList<BootStream>> ReadOutputAsync(CancellationToken cancellationToken)
    {
        string logs = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "." + Path.GetFileName(commands.Runtime),
            "instances", "logs", Environment.MachineName, Environment.UserName);
        string Read(string suffix) => Path.Combine(logs, commands.Instance + suffix) is var file && File.Exists(file) ? File.ReadAllText(file) : "";
        return Task.FromResult<IReadOnlyList<BootStream>>(
        [
            new BootStream("instance log stdout", Read(".out")),
            new BootStream("instance log stderr", Read(".err")),
            new BootStream("instance start stderr", started.Stderr),
            new BootStream("instance stop stderr", _stopped?.Stderr ?? ""),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped is null)
        {
            await HostProcess.RunAsync(commands.Runtime, commands.Stop, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
