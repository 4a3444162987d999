namespace Boxer.Abstractions;

/// <summary>A line of log text.</summary>
/// <param name="Level">How important it is.</param>
/// <param name="Message">One line, no trailing newline.</param>
/// <param name="Source">Who said it: a target's name, <c>recipe</c>, <c>import</c>; null for the host.</param>
public sealed record LogMessage(BuildLogLevel Level, string Message, string? Source = null) : BuildEvent;
