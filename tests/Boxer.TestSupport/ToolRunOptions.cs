namespace Boxer.TestSupport;

/// <summary>How to run an external program; every member optional.</summary>
public sealed record ToolRunOptions
{
    /// <summary>Killed (with its children) and reported as a failure after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set (or, with a null value, removed) on top of this process's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Written to the program's stdin, which is then closed; stdin is closed at once when null.</summary>
    public string? StandardInput { get; init; }
}
