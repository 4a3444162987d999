using System.Text.Json;

namespace Boxer.Targets.Docker.Engine;

/// <summary>The engine's version (<c>GET /version</c>), read before a build when an option depends on it.</summary>
public static class EngineVersion
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>The version (<c>20.10.24</c> of <c>20.10.24+dfsg1</c>), or null when the engine cannot be reached or says nothing usable.</summary>
    public static Version? Read(DockerHost host)
    {
        try
        {
            using var http = new HttpClient(host.CreateHandler()) { BaseAddress = host.BaseAddress, Timeout = Patience };
            string body = http.GetStringAsync("version").GetAwaiter().GetResult();
            using var json = JsonDocument.Parse(body);
            string text = json.RootElement.GetProperty("Version").GetString() ?? "";
            string numeric = new([.. text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]);
            return Version.TryParse(numeric.Trim('.'), out var version) ? version : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
