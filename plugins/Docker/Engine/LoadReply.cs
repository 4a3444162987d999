using System.Text.Json;

namespace Boxer.Targets.Docker.Engine;

/// <summary>
/// What <c>POST /images/load</c> answered. The engine replies HTTP 200 and reports failures as a JSON line
/// with <c>error</c>, so every line is read: <c>{"stream":"Loaded image: x:y\n"}</c>,
/// <c>{"status":"Loading layer","progressDetail":{…}}</c>, <c>{"errorDetail":{…},"error":"…"}</c>.
/// </summary>
public sealed class LoadReply
{
    private const string LoadedImage = "Loaded image: ";
    private const string LoadedImageId = "Loaded image ID: ";

    public List<string> LoadedNames { get; } = [];

    public List<string> LoadedIds { get; } = [];

    public string? Error { get; private set; }

    /// <summary>Reads one line of the reply; returns a human line for the log, if the line had one.</summary>
    public string? Read(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            Error = error.GetString();
            return Error;
        }
        if (root.TryGetProperty("stream", out var stream) && stream.GetString()?.Trim() is { Length: > 0 } text)
        {
            if (text.StartsWith(LoadedImageId, StringComparison.Ordinal))
            {
                LoadedIds.Add(text[LoadedImageId.Length..]);
            }
            else if (text.StartsWith(LoadedImage, StringComparison.Ordinal))
            {
                LoadedNames.Add(text[LoadedImage.Length..]);
            }
            return text;
        }
        return root.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
