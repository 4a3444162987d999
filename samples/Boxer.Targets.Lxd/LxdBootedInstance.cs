using System.Globalization;
using System.Text.Json.Nodes;
using Boxer.Abstractions.Testing;

namespace Boxer.Targets.Lxd;

/// <summary>An instance <c>boxer test</c> launched; disposing deletes it.</summary>
internal sealed class LxdBootedInstance(LxdClient client, string name, string alias, TimeSpan grace) : IBootedImage
{
    private int Seconds => (int)grace.TotalSeconds;

    public string Runtime => $"LXD at {client.SocketPath}: lxc launch {alias} {name}; lxc stop --timeout {Seconds.ToString(CultureInfo.InvariantCulture)} {name}";

    public async Task<BootExecResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        try
        {
            var (code, stdout, stderr) = await client.ExecAsync(name, command, cancellationToken).ConfigureAwait(false);
            return new BootExecResult(code, stdout, stderr);
        }
        catch (LxdException error)
        {
            return new BootExecResult(-1, "", error.Message);
        }
    }

    /// <summary>A stop LXD gives up on after the timeout is forced, and counts as killed.</summary>
    public async Task<BootStopResult> StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.ChangeStateAsync(name, new JsonObject { ["action"] = "stop", ["timeout"] = Seconds }, cancellationToken).ConfigureAwait(false);
            return new BootStopResult(Killed: false, null);
        }
        catch (LxdException)
        {
            await client.ChangeStateAsync(name, new JsonObject { ["action"] = "stop", ["force"] = true }, cancellationToken).ConfigureAwait(false);
            return new BootStopResult(Killed: true, null);
        }
    }

    public async Task<IReadOnlyList<BootStream>> ReadOutputAsync(CancellationToken cancellationToken) =>
        [new BootStream("console", await client.ConsoleLogAsync(name, cancellationToken).ConfigureAwait(false))];

    public async ValueTask DisposeAsync()
    {
        try
        {
            await client.DeleteInstanceAsync(name, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LxdException)
        {
            // Best effort: lxc list shows a leftover.
        }
        finally
        {
            client.Dispose();
        }
    }
}
