using System.Text.Json;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// The <c>--json</c> event schema as README.md documents it ("Machine-readable output"): checks one line
/// and says what is wrong with it, so a drift between the docs and the stream fails a test.
/// </summary>
internal static class JsonEventSchema
{
    /// <summary>Required fields per type, with the JSON kind each must have.</summary>
    private static readonly Dictionary<string, (string Name, JsonValueKind Kind)[]> Required = new(StringComparer.Ordinal)
    {
        ["phaseStarted"] = [("phase", JsonValueKind.String)],
        ["phaseProgress"] = [("phase", JsonValueKind.String), ("doneBytes", JsonValueKind.Number)],
        ["phaseCompleted"] = [("phase", JsonValueKind.String), ("elapsedSeconds", JsonValueKind.Number)],
        ["log"] = [("level", JsonValueKind.String), ("message", JsonValueKind.String)],
        ["artifact"] = [("target", JsonValueKind.String), ("kind", JsonValueKind.String), ("usageHints", JsonValueKind.Array)],
        ["test"] = [("reference", JsonValueKind.String), ("exitCode", JsonValueKind.Number), ("runtime", JsonValueKind.String),
            ("boot", JsonValueKind.Object), ("services", JsonValueKind.Array), ("stop", JsonValueKind.Object), ("problems", JsonValueKind.Array)],
        ["result"] = [("exitCode", JsonValueKind.Number), ("artifacts", JsonValueKind.Array)],
    };

    private static readonly string[] Levels = ["debug", "info", "warning"];
    private static readonly string[] Kinds = ["file", "engine-image", "registry-image"];

    /// <summary>The parsed line; throws with the line when it breaks the schema.</summary>
    public static JsonElement Check(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        Assert.True(root.ValueKind == JsonValueKind.Object, $"not an object: {line}");
        var type = root.GetProperty("type").GetString()!;
        Assert.True(Required.ContainsKey(type), $"unknown type '{type}': {line}");
        Assert.True(root.GetProperty("time").TryGetDateTimeOffset(out _), $"no ISO 8601 time: {line}");
        foreach (var (name, kind) in Required[type])
        {
            Assert.True(root.TryGetProperty(name, out var value) && value.ValueKind == kind, $"'{name}' should be a {kind}: {line}");
        }
        if (type == "log")
        {
            Assert.Contains(root.GetProperty("level").GetString(), Levels);
        }
        if (type == "artifact")
        {
            CheckArtifact(root, line);
        }
        if (type == "result")
        {
            root.GetProperty("artifacts").EnumerateArray().ToList().ForEach(a => CheckArtifact(a, line));
        }
        return root;
    }

    private static void CheckArtifact(JsonElement artifact, string line)
    {
        var kind = artifact.GetProperty("kind").GetString();
        Assert.Contains(kind, Kinds);
        var where = kind == "file" ? "path" : "reference";
        Assert.True(artifact.TryGetProperty(where, out var location) && location.ValueKind == JsonValueKind.String, $"a {kind} artifact needs '{where}': {line}");
    }
}
