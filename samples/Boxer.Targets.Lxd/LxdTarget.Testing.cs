using Boxer.Abstractions;
using Boxer.Abstractions.Testing;

namespace Boxer.Targets.Lxd;

/// <summary>
/// <c>boxer test lxd:ALIAS</c>: the LXD image with that alias launched as <c>lxc launch</c> does, then stopped with
/// <c>lxc stop --timeout</c> (SIGPWR to init), and forced after it as <c>lxc stop --force</c> would.
/// </summary>
public sealed partial class LxdTarget : IImageTester
{
    /// <summary><c>lxd</c>: the host sends <c>lxd:ALIAS</c> here.</summary>
    public string? ReferenceScheme => "lxd";

    /// <inheritdoc/>
    public bool CanTest(ImageTestSubject subject) => !subject.IsFile && subject.Reference.StartsWith("lxd:", StringComparison.Ordinal);

    /// <inheritdoc/>
    public async Task<IBootedImage> BootAsync(ImageTestSubject subject, ImageBootOptions options, CancellationToken cancellationToken)
    {
        var client = new LxdClient(LxdClient.DefaultSocketPath());
        string alias = subject.WithoutScheme("lxd");
        if (!await client.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            client.Dispose();
            throw new TargetException(TargetName, $"no LXD answers on {client.SocketPath}");
        }
        try
        {
            await client.LaunchAsync(options.InstanceName, alias, cancellationToken).ConfigureAwait(false);
            return new LxdBootedInstance(client, options.InstanceName, alias, options.StopGrace);
        }
        catch (LxdException error)
        {
            await using (new LxdBootedInstance(client, options.InstanceName, alias, options.StopGrace).ConfigureAwait(false))
            {
                // Disposing deletes whatever the launch created.
            }
            throw new TargetException(TargetName, $"lxc launch {alias} {options.InstanceName}: {error.Message}", error);
        }
    }
}
