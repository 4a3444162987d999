using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Boxer.Targets.Lxd;

/// <summary>The instance calls <c>boxer test lxd:ALIAS</c> needs: create, start, exec, stop, console log, delete.</summary>
internal sealed partial class LxdClient
{
    private static readonly IProgress<string> Quiet = new Progress<string>();

    /// <summary><c>lxc launch ALIAS NAME</c>: creates the instance from the image alias and starts it.</summary>
    public async Task LaunchAsync(string name, string alias, CancellationToken cancellationToken)
    {
        var create = new JsonObject { ["name"] = name, ["source"] = new JsonObject { ["type"] = "image", ["alias"] = alias } };
        await RunOperationAsync(HttpMethod.Post, "1.0/instances", create, cancellationToken).ConfigureAwait(false);
        await ChangeStateAsync(name, new JsonObject { ["action"] = "start" }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>lxc exec NAME -- COMMAND</c> with the output recorded; returns the exit code and both streams.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["command"] = new JsonArray([.. command.Select(c => (JsonNode?)c)]),
            ["wait-for-websocket"] = false,
            ["interactive"] = false,
            ["record-output"] = true,
        };
        var state = await RunOperationAsync(HttpMethod.Post, $"1.0/instances/{Uri.EscapeDataString(name)}/exec", body, cancellationToken).ConfigureAwait(false);
        var result = state["metadata"];
        int code = result?["return"]?.GetValue<int>() ?? -1;
        string stdout = result?["output"]?["1"]?.GetValue<string>() is { } outLog ? await GetTextAsync(outLog, cancellationToken).ConfigureAwait(false) : "";
        string stderr = result?["output"]?["2"]?.GetValue<string>() is { } errLog ? await GetTextAsync(errLog, cancellationToken).ConfigureAwait(false) : "";
        return (code, stdout, stderr);
    }

    /// <summary><c>lxc stop NAME --timeout T</c> (SIGPWR to init); with <paramref name="force"/>, <c>lxc stop --force</c>.</summary>
    public Task ChangeStateAsync(string name, JsonObject state, CancellationToken cancellationToken) =>
        RunOperationAsync(HttpMethod.Put, $"1.0/instances/{Uri.EscapeDataString(name)}/state", state, cancellationToken);

    /// <summary><c>lxc console NAME --show-log</c>.</summary>
    public Task<string> ConsoleLogAsync(string name, CancellationToken cancellationToken) =>
        GetTextAsync($"/1.0/instances/{Uri.EscapeDataString(name)}/console", cancellationToken);

    /// <summary><c>lxc delete --force NAME</c>.</summary>
    public async Task DeleteInstanceAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await ChangeStateAsync(name, new JsonObject { ["action"] = "stop", ["force"] = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (LxdException)
        {
            // Stopped already.
        }
        await RunOperationAsync(HttpMethod.Delete, $"1.0/instances/{Uri.EscapeDataString(name)}", null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonNode> RunOperationAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(method, path, body is null ? null : JsonContent.Create(body), cancellationToken).ConfigureAwait(false);
        return answer["operation"]?.GetValue<string>() is { } operation
            ? await WaitAsync(operation, Quiet, cancellationToken).ConfigureAwait(false)
            : answer;
    }

    private async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path.TrimStart('/'), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : "";
    }
}
