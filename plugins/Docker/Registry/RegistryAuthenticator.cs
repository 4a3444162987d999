using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Boxer.Abstractions;

namespace Boxer.Targets.Docker.Registry;

/// <summary>
/// Works out how to talk to a registry before any body is sent (a streamed upload cannot be replayed):
/// <c>GET /v2/</c>; on 401 the <c>WWW-Authenticate</c> challenge says Basic (send the credentials) or Bearer
/// (fetch a token from <c>realm</c> for <c>service</c> and <c>repository:NAME:pull,push</c>).
/// </summary>
internal static class RegistryAuthenticator
{
    public static async Task<AuthenticationHeaderValue?> AuthenticateAsync(
        HttpClient http, string repository, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        using var ping = await http.GetAsync("v2/", cancellationToken).ConfigureAwait(false);
        if (ping.StatusCode != HttpStatusCode.Unauthorized)
        {
            return null;
        }
        var challenge = ping.Headers.WwwAuthenticate.FirstOrDefault()
            ?? throw new TargetException("docker", $"registry {http.BaseAddress?.Authority} answered 401 without a challenge");
        if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return credentials is null
                ? throw Refused(http, "it needs credentials: docker login, or --registry-user with --registry-password-stdin")
                : new AuthenticationHeaderValue("Basic", credentials.Basic);
        }
        var parameters = Parameters(challenge.Parameter ?? "");
        string token = await FetchTokenAsync(http, parameters, repository, credentials, cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    public static TargetException Refused(HttpClient http, string why) =>
        new("docker", $"registry {http.BaseAddress?.Authority} refused access: {why}");

    private static async Task<string> FetchTokenAsync(
        HttpClient http, Dictionary<string, string> parameters, string repository, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        if (!parameters.TryGetValue("realm", out string? realm))
        {
            throw Refused(http, "its Bearer challenge names no realm");
        }
        string query = $"scope={Uri.EscapeDataString($"repository:{repository}:pull,push")}";
        if (parameters.TryGetValue("service", out string? service))
        {
            query = $"service={Uri.EscapeDataString(service)}&{query}";
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}{(realm.Contains('?') ? '&' : '?')}{query}");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.Basic);
        }
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused(http, $"the token service answered {(int)response.StatusCode} (wrong credentials?)");
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return (json.RootElement.TryGetProperty("token", out var t) ? t : json.RootElement.GetProperty("access_token")).GetString()
            ?? throw Refused(http, "the token service sent no token");
    }

    /// <summary>Parses <c>realm="…",service="…",scope="…"</c>.</summary>
    private static Dictionary<string, string> Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < text.Length)
        {
            int eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }
            string key = text[i..eq].Trim(' ', ',');
            int start = eq + 1;
            string value;
            if (start < text.Length && text[start] == '"')
            {
                int close = text.IndexOf('"', start + 1);
                close = close < 0 ? text.Length : close;
                value = text[(start + 1)..close];
                i = close + 1;
            }
            else
            {
                int comma = text.IndexOf(',', start);
                comma = comma < 0 ? text.Length : comma;
                value = text[start..comma];
                i = comma;
            }
            result[key] = value;
            i++;
        }
        return result;
    }
}
