namespace Boxer.Abstractions;

/// <summary>
/// A phase made progress. Report at most a few times a second (the host does not throttle), between the
/// phase's <see cref="PhaseStarted"/> and <see cref="PhaseCompleted"/>; see <see cref="BuildEvent"/> for the order.
/// </summary>
/// <param name="Phase">The phase's name, as in <see cref="PhaseStarted"/>.</param>
/// <param name="DoneBytes">Bytes processed so far in the phase: a running total, never a delta; at most <paramref name="TotalBytes"/>.</param>
/// <param name="TotalBytes">Bytes the phase will process, when known.</param>
public sealed record PhaseProgress(string Phase, long DoneBytes, long? TotalBytes = null) : BuildEvent;
