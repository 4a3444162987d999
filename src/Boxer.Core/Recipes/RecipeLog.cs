using Boxer.Abstractions;

namespace Boxer.Core.Recipes;

/// <summary>Log lines from a recipe: reported as <see cref="LogMessage"/> events with source <c>recipe</c>.</summary>
public sealed class RecipeLog(IProgress<BuildEvent> progress)
{
    public const string Source = "recipe";

    private readonly List<LogMessage> _messages = [];

    /// <summary>Everything logged so far, in order (the plan shows them).</summary>
    public IReadOnlyList<LogMessage> Messages => _messages;

    /// <summary>Normal progress information.</summary>
    public void Info(string message) => Write(BuildLogLevel.Info, message);

    /// <summary>Something the user should know; the build goes on.</summary>
    public void Warn(string message) => Write(BuildLogLevel.Warning, message);

    /// <summary>Detail shown only with <c>--verbose</c>.</summary>
    public void Debug(string message) => Write(BuildLogLevel.Debug, message);

    private void Write(BuildLogLevel level, string message)
    {
        var log = new LogMessage(level, message, Source);
        _messages.Add(log);
        progress.Report(log);
    }
}
