using System.Net.Sockets;

namespace Boxer.Targets.Docker.Engine;

/// <summary>
/// Where the Docker engine listens: <c>DOCKER_HOST</c> (<c>unix:///path</c> or <c>tcp://host:port</c>) or the
/// default <c>unix:///var/run/docker.sock</c>.
/// </summary>
public sealed record DockerHost(string Display, Uri BaseAddress, string? SocketPath)
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    /// <summary>The host named by <c>DOCKER_HOST</c>, or the default socket.</summary>
    public static DockerHost FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultSocket);

    public static DockerHost Parse(string text)
    {
        if (text.StartsWith("unix://", StringComparison.Ordinal))
        {
            // The host name is a placeholder: every connection goes to the socket.
            return new DockerHost(text, new Uri("http://docker.sock/"), text["unix://".Length..]);
        }
        if (text.StartsWith("tcp://", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal))
        {
            return new DockerHost(text, new Uri("http://" + text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/') + "/"), null);
        }
        throw new FormatException($"DOCKER_HOST '{text}' is neither unix:///path nor tcp://host:port");
    }

    /// <summary>A handler that dials the socket for unix hosts and plain TCP otherwise.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        if (SocketPath is { } path)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return handler;
    }
}
