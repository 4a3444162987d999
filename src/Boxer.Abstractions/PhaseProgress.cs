namespace Boxer.Abstractions;

/// <summary>A phase made progress. Report at most a few times a second; the host does not throttle.</summary>
/// <param name="Phase">The phase's name, as in <see cref="PhaseStarted"/>.</param>
/// <param name="DoneBytes">Bytes processed so far.</param>
/// <param name="TotalBytes">Bytes the phase will process, when known.</param>
public sealed record PhaseProgress(string Phase, long DoneBytes, long? TotalBytes = null) : BuildEvent;
