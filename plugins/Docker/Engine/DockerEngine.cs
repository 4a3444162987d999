using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Boxer.Abstractions;

namespace Boxer.Targets.Docker.Engine;

/// <summary>
/// A client of the Docker Engine API, transport only: it loads an archive someone else writes (the body is
/// produced while it is sent, so nothing is staged on disk), tags and inspects images. Failures become
/// one-line <see cref="TargetException"/>s.
/// </summary>
public sealed partial class DockerEngine : IDisposable
{
    private const string ApiVersion = "v1.41";
    private const string TargetName = "docker";

    private readonly HttpClient _http;

    public DockerEngine(DockerHost host)
    {
        Host = host;
        _http = new HttpClient(host.CreateHandler()) { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public DockerHost Host { get; }

    /// <summary>
    /// Streams an archive into <c>POST /images/load</c>. <paramref name="writeArchive"/> writes it into the
    /// request; <paramref name="length"/>, when known, avoids chunked encoding. Every reply line is read.
    /// </summary>
    public async Task<LoadReply> LoadAsync(
        Func<Stream, CancellationToken, Task> writeArchive, long? length, IProgress<string>? log, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiVersion}/images/load?quiet=0")
        {
            Content = new ProducedContent(writeArchive, length, "application/x-tar"),
        };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "load", cancellationToken).ConfigureAwait(false);
        var reply = new LoadReply();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (reply.Read(line) is { } text)
            {
                log?.Report(text);
            }
        }
        if (reply.Error is { } error)
        {
            throw new TargetException(TargetName, $"the Docker engine refused the image: {error}");
        }
        return reply;
    }

    /// <summary>Tags an image: <c>POST /images/{image}/tag?repo=&amp;tag=</c>.</summary>
    public async Task TagAsync(string image, ImageReference reference, CancellationToken cancellationToken)
    {
        string uri = $"{ApiVersion}/images/{Uri.EscapeDataString(image)}/tag?repo={Uri.EscapeDataString(reference.FamiliarRepository)}&tag={Uri.EscapeDataString(reference.Tag)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "tag", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ID (<c>sha256:…</c>) of an image in the engine's store, or null when there is none.</summary>
    public async Task<string?> FindImageIdAsync(string image, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiVersion}/images/{Uri.EscapeDataString(image)}/json");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, "inspect", cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.GetProperty("Id").GetString();
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (FindSocketError(e) is { } socketError)
        {
            throw new TargetException(TargetName, Unreachable(socketError), e);
        }
    }

    private string Unreachable(SocketError error) => error switch
    {
        SocketError.AccessDenied =>
            $"permission denied on the Docker socket {Host.Display}: run as root or join the 'docker' group",
        _ => $"Docker engine not reachable at {Host.Display}: is dockerd running?",
    };

    private static SocketError? FindSocketError(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }
        return e.HttpRequestError == HttpRequestError.ConnectionError ? SocketError.ConnectionRefused : null;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string message = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            message = json.RootElement.GetProperty("message").GetString() ?? body;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not the engine's JSON error shape: show the body as it came.
        }
        throw new TargetException(TargetName, $"Docker engine {operation} failed ({(int)response.StatusCode}): {message.Trim()}");
    }
}
