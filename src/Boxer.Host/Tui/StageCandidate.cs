namespace Boxer.Host.Tui;

/// <summary>One line of the stage3 picker.</summary>
/// <param name="Label">What the list shows.</param>
/// <param name="Path">The full path it stands for.</param>
/// <param name="IsDirectory">Whether choosing it opens the directory.</param>
internal sealed record StageCandidate(string Label, string Path, bool IsDirectory);
