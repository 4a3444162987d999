using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boxer.Targets.Lxd;

/// <summary>
/// The few calls of LXD's REST API (https://documentation.ubuntu.com/lxd/en/latest/rest-api/) an image import
/// needs, over the daemon's local unix socket, where the socket's permissions are the authentication.
/// Answers are envelopes: <c>{"type":"sync"|"async"|"error", "metadata":…, "operation":…, "error":…}</c>.
/// </summary>
internal sealed partial class LxdClient : IDisposable
{
    private readonly HttpClient _http;

    public LxdClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://lxd/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SocketPath { get; }

    /// <summary>$LXD_DIR/unix.socket, else the Debian/upstream path, else the snap's, else the Debian path.</summary>
    public static string DefaultSocketPath()
    {
        if (Environment.GetEnvironmentVariable("LXD_DIR") is { Length: > 0 } dir)
        {
            return Path.Combine(dir, "unix.socket");
        }
        string[] known = ["/var/lib/lxd/unix.socket", "/var/snap/lxd/common/lxd/unix.socket"];
        return known.FirstOrDefault(File.Exists) ?? known[0];
    }

    /// <summary>True when a daemon answers on the socket (a stale socket file is not an LXD).</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(SocketPath))
        {
            return false;
        }
        try
        {
            await SendAsync(HttpMethod.Get, "1.0", null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<bool> ImageExistsAsync(string fingerprint, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Get, $"1.0/images/{fingerprint}", null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LxdException error) when (error.Code == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Uploads an image (POST /1.0/images) and waits for LXD to unpack it; returns its fingerprint.</summary>
    public async Task<string> UploadImageAsync(HttpContent content, IProgress<string> status, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, "1.0/images", content, cancellationToken).ConfigureAwait(false);
        var operation = answer["operation"]?.GetValue<string>()
            ?? throw new LxdException("LXD answered the upload without an operation", 500);
        var result = await WaitAsync(operation, status, cancellationToken).ConfigureAwait(false);
        return result["metadata"]?["fingerprint"]?.GetValue<string>()
            ?? throw new LxdException("LXD's import operation ended without a fingerprint", 500);
    }

    /// <summary>Points <paramref name="alias"/> at the image, creating the alias or moving an existing one.</summary>
    public async Task SetAliasAsync(string alias, string fingerprint, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Get, $"1.0/images/aliases/{Uri.EscapeDataString(alias)}", null, cancellationToken).ConfigureAwait(false);
        }
        catch (LxdException error) when (error.Code == (int)HttpStatusCode.NotFound)
        {
            var create = JsonContent.Create(new JsonObject { ["name"] = alias, ["target"] = fingerprint, ["description"] = "" });
            await SendAsync(HttpMethod.Post, "1.0/images/aliases", create, cancellationToken).ConfigureAwait(false);
            return;
        }
        var move = JsonContent.Create(new JsonObject { ["target"] = fingerprint, ["description"] = "" });
        await SendAsync(HttpMethod.Put, $"1.0/images/aliases/{Uri.EscapeDataString(alias)}", move, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Polls the operation (long-polling <c>/wait</c> a second at a time) until it ends.</summary>
    private async Task<JsonNode> WaitAsync(string operation, IProgress<string> status, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await SendAsync(HttpMethod.Get, $"{operation.TrimStart('/')}/wait?timeout=1", null, cancellationToken).ConfigureAwait(false);
            var state = answer["metadata"] ?? throw new LxdException("LXD's operation has no state", 500);
            var code = state["status_code"]?.GetValue<int>() ?? 0;
            if (code == (int)HttpStatusCode.OK)
            {
                return state;
            }
            if (code >= 400)
            {
                throw new LxdException(state["err"]?.GetValue<string>() is { Length: > 0 } err ? err : $"operation {state["status"]}", code);
            }
            if (state["metadata"]?["progress"]?["stage"] is { } stage)
            {
                status.Report($"{stage.GetValue<string>()}: {state["metadata"]?["progress"]?["percent"]}%");
            }
        }
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw new LxdException($"LXD answered {method} /{path} with HTTP {(int)response.StatusCode} and no JSON", (int)response.StatusCode);
        }
        if (answer?["type"]?.GetValue<string>() is "error" || answer is null)
        {
            throw new LxdException(answer?["error"]?.GetValue<string>() ?? "empty answer", answer?["error_code"]?.GetValue<int>() ?? (int)response.StatusCode);
        }
        return answer;
    }
}
