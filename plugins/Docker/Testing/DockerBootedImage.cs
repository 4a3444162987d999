using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Targets.Docker.Engine;

namespace Boxer.Targets.Docker.Testing;

/// <summary>A container <c>boxer test</c> started; disposing removes it with its volumes and the temporary tag.</summary>
internal sealed class DockerBootedImage(DockerEngine engine, string name, DockerRunShape shape, string? temporaryTag, TimeSpan grace) : IBootedImage
{
    /// <summary>What Docker reports for a PID 1 ended by SIGKILL (128 + 9): the stop needed its kill.</summary>
    private const int KilledExitCode = 137;

    private string _image = "";

    public string Runtime => $"docker engine at {engine.Host.Display}: docker run {shape.Flags} --name {name} {_image}; docker stop -t {(int)grace.TotalSeconds} {name}";

    public async Task StartAsync(string image, CancellationToken cancellationToken)
    {
        _image = image;
        await engine.RunDetachedAsync(name, shape.CreateBody(image), cancellationToken).ConfigureAwait(false);
    }

    public async Task<BootExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        await engine.ExecAsync(name, command, cancellationToken).ConfigureAwait(false) is { } result
            ? new BootExecResult(result.ExitCode, result.Stdout, result.Stderr)
            : new BootExecResult(-1, "", $"container {name} is not running");

    public async Task<BootStopResult> StopAsync(CancellationToken cancellationToken)
    {
        await engine.StopAsync(name, grace, cancellationToken).ConfigureAwait(false);
        var state = await engine.InspectStateAsync(name, cancellationToken).ConfigureAwait(false);
        int exit = state.GetProperty("ExitCode").GetInt32();
        return new BootStopResult(exit == KilledExitCode, exit)
        {
            Problem = shape.DockerInit && exit != 0 && exit != KilledExitCode
                ? $"{DockerRunShape.DockerInitPath} exited {exit} after the stop: the shutdown runlevel failed"
                : null,
        };
    }

    public async Task<IReadOnlyList<BootStream>> ReadOutputAsync(CancellationToken cancellationToken)
    {
        var logs = await engine.LogsAsync(name, shape.RealInit, cancellationToken).ConfigureAwait(false);
        return shape.RealInit
            ? [new BootStream("docker logs (console)", logs.Stdout)]
            : [new BootStream("docker logs stdout", logs.Stdout), new BootStream("docker logs stderr", logs.Stderr)];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await engine.RemoveContainerAsync(name, CancellationToken.None).ConfigureAwait(false);
            if (temporaryTag is not null)
            {
                await engine.RemoveImageAsync(temporaryTag, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (TargetException)
        {
            // Best effort: the test's own result matters more than a failed clean-up, which docker ps shows.
        }
        finally
        {
            engine.Dispose();
        }
    }
}
