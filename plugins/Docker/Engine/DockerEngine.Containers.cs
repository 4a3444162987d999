using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boxer.Targets.Docker.Engine;

/// <summary>
/// The container calls <c>boxer test</c> needs: create and start (<c>docker run -d</c>), exec, stop, logs,
/// inspect, remove; and removing a temporary image tag. Exec and logs come back multiplexed
/// (<see cref="MultiplexedOutput"/>) unless the container has a terminal.
/// </summary>
public sealed partial class DockerEngine
{
    /// <summary>The image's <c>Config</c> object (<c>GET /images/{name}/json</c>), or null when there is no such image.</summary>
    public async Task<JsonElement?> FindImageConfigAsync(string image, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiVersion}/images/{Uri.EscapeDataString(image)}/json");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, "inspect", cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.GetProperty("Config").Clone();
    }

    /// <summary><c>POST /containers/create?name=</c> then <c>POST /containers/{name}/start</c>.</summary>
    public async Task RunDetachedAsync(string name, JsonObject body, CancellationToken cancellationToken)
    {
        using (var create = new HttpRequestMessage(HttpMethod.Post, $"{ApiVersion}/containers/create?name={Uri.EscapeDataString(name)}")
        {
            Content = JsonContent.Create(body),
        })
        {
            using var response = await SendAsync(create, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, "create", cancellationToken).ConfigureAwait(false);
        }
        await PostAsync($"containers/{Uri.EscapeDataString(name)}/start", "start", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command in a running container and returns its exit code and output; null when the container is not running.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)?> ExecAsync(string container, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        string id;
        using (var create = new HttpRequestMessage(HttpMethod.Post, $"{ApiVersion}/containers/{Uri.EscapeDataString(container)}/exec")
        {
            Content = JsonContent.Create(new JsonObject { ["AttachStdout"] = true, ["AttachStderr"] = true, ["Cmd"] = new JsonArray([.. command.Select(c => (JsonNode?)c)]) }),
        })
        {
            using var response = await SendAsync(create, cancellationToken).ConfigureAwait(false);
            if (IsNotRunning(response))
            {
                return null;
            }
            await EnsureSuccessAsync(response, "exec", cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            id = json.RootElement.GetProperty("Id").GetString()!;
        }
        MultiplexedOutput output;
        using (var start = new HttpRequestMessage(HttpMethod.Post, $"{ApiVersion}/exec/{id}/start")
        {
            Content = JsonContent.Create(new JsonObject { ["Detach"] = false, ["Tty"] = false }),
        })
        {
            using var response = await SendAsync(start, cancellationToken).ConfigureAwait(false);
            if (IsNotRunning(response))
            {
                return null;
            }
            await EnsureSuccessAsync(response, "exec", cancellationToken).ConfigureAwait(false);
            output = await MultiplexedOutput.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        using var inspect = new HttpRequestMessage(HttpMethod.Get, $"{ApiVersion}/exec/{id}/json");
        using var reply = await SendAsync(inspect, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(reply, "exec", cancellationToken).ConfigureAwait(false);
        using var state = JsonDocument.Parse(await reply.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var exit = state.RootElement.GetProperty("ExitCode");
        return (exit.ValueKind == JsonValueKind.Number ? exit.GetInt32() : -1, output.Stdout, output.Stderr);
    }

    /// <summary><c>docker stop -t GRACE</c>: the image's stop signal, then SIGKILL after the grace; returns when it is down.</summary>
    public Task StopAsync(string container, TimeSpan grace, CancellationToken cancellationToken) =>
        PostAsync($"containers/{Uri.EscapeDataString(container)}/stop?t={(int)grace.TotalSeconds}", "stop", cancellationToken, HttpStatusCode.NotModified);

    /// <summary>The container's <c>State</c> object.</summary>
    public async Task<JsonElement> InspectStateAsync(string container, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiVersion}/containers/{Uri.EscapeDataString(container)}/json");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "inspect", cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.GetProperty("State").Clone();
    }

    /// <summary>Both streams of <c>docker logs</c>; with a terminal the container has one stream, returned as stdout.</summary>
    public async Task<MultiplexedOutput> LogsAsync(string container, bool tty, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiVersion}/containers/{Uri.EscapeDataString(container)}/logs?stdout=1&stderr=1");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "logs", cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (tty)
        {
            using var reader = new StreamReader(stream);
            return new MultiplexedOutput(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), "");
        }
        return await MultiplexedOutput.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>docker rm -f -v</c>: the container and its anonymous volumes; nothing when it is gone already.</summary>
    public Task RemoveContainerAsync(string container, CancellationToken cancellationToken) =>
        DeleteAsync($"containers/{Uri.EscapeDataString(container)}?v=1&force=1", "rm", cancellationToken);

    /// <summary><c>docker rmi NAME</c> without force: untags, and removes the image only when no other tag holds it.</summary>
    public Task RemoveImageAsync(string image, CancellationToken cancellationToken) =>
        DeleteAsync($"images/{Uri.EscapeDataString(image)}", "rmi", cancellationToken);

    /// <summary>
    /// The container is gone or not running: 409 or 404, and 500 when it exits between the engine's check and
    /// the exec (a race while it stops, which boxer test watches).
    /// </summary>
    private static bool IsNotRunning(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError;

    private async Task PostAsync(string path, string operation, CancellationToken cancellationToken, HttpStatusCode? alsoFine = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiVersion}/{path}");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != alsoFine)
        {
            await EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(string path, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{ApiVersion}/{path}");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }
}
