using System.Text;
using System.Text.Json;

namespace Boxer.Targets.Docker.Registry;

/// <summary>A user name and password (or token) for a registry.</summary>
public sealed record RegistryCredentials(string User, string Password)
{
    private const string DockerHubKey = "https://index.docker.io/v1/";

    /// <summary>The <c>user:password</c> pair, base64, as Basic auth and <c>config.json</c> hold it.</summary>
    public string Basic => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    /// <summary>Docker's client configuration folder: <c>$DOCKER_CONFIG</c>, else <c>~/.docker</c>.</summary>
    public static string DefaultConfigDirectory() =>
        Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");

    /// <summary>
    /// The credentials <c>docker login</c> stored for <paramref name="registry"/> in
    /// <c><paramref name="directory"/>/config.json</c> under <c>auths</c>, or null. Credential helpers are not
    /// consulted.
    /// </summary>
    public static RegistryCredentials? FromDockerConfig(string registry, string directory)
    {
        string path = Path.Combine(directory, "config.json");
        if (!File.Exists(path))
        {
            return null;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (!json.RootElement.TryGetProperty("auths", out var auths))
        {
            return null;
        }
        foreach (var entry in auths.EnumerateObject())
        {
            if (Matches(entry.Name, registry) && entry.Value.TryGetProperty("auth", out var auth) && auth.GetString() is { Length: > 0 } encoded)
            {
                return Decode(encoded);
            }
        }
        return null;
    }

    private static bool Matches(string key, string registry)
    {
        if (registry == ImageReference.DockerHub && key == DockerHubKey)
        {
            return true;
        }
        string host = key.Contains("://", StringComparison.Ordinal) ? new Uri(key).Authority : key.TrimEnd('/');
        return string.Equals(host, registry, StringComparison.OrdinalIgnoreCase);
    }

    private static RegistryCredentials? Decode(string encoded)
    {
        string pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        int colon = pair.IndexOf(':');
        return colon < 0 ? null : new RegistryCredentials(pair[..colon], pair[(colon + 1)..]);
    }
}
