using System.Text.Json;
using Boxer.Abstractions;
using Xunit;

namespace Boxer.TestSupport;

/// <summary>
/// The <c>--json</c> stream of a build read back into <see cref="BuildEvent"/>s, in line order, so
/// <see cref="BuildEventOrder"/> can check a build run as a child process. The stream must end with its one
/// <c>result</c> line.
/// </summary>
public static class JsonEventLines
{
    /// <summary>The phase and log events of <paramref name="lines"/>; fails unless the last line, and only it, is the result.</summary>
    public static List<BuildEvent> ReadEndingWithResult(IReadOnlyList<string> lines)
    {
        var types = lines.Select(TypeOf).ToList();
        Assert.True(types.Count > 0 && types[^1] == "result", $"the last line is not the result: {(lines.Count > 0 ? lines[^1] : "(no output)")}");
        Assert.True(types.Count(t => t == "result") == 1, "more than one result line:\n" + string.Join('\n', lines));
        return lines.Select(ToEvent).OfType<BuildEvent>().ToList();
    }

    private static string TypeOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("type").GetString()!;
    }

    private static BuildEvent? ToEvent(string line)
    {
        using var json = JsonDocument.Parse(line);
        var e = json.RootElement;
        string Phase() => e.GetProperty("phase").GetString()!;
        long? Total() => e.TryGetProperty("totalBytes", out var t) ? t.GetInt64() : null;
        return e.GetProperty("type").GetString() switch
        {
            "phaseStarted" => new PhaseStarted(Phase(), Total()),
            "phaseProgress" => new PhaseProgress(Phase(), e.GetProperty("doneBytes").GetInt64(), Total()),
            "phaseCompleted" => new PhaseCompleted(Phase(), TimeSpan.FromSeconds(e.GetProperty("elapsedSeconds").GetDouble())),
            "log" => new LogMessage(BuildLogLevel.Info, e.GetProperty("message").GetString()!),
            _ => null,
        };
    }
}
