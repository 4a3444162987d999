namespace Boxer.Abstractions;

/// <summary>A phase finished successfully.</summary>
/// <param name="Phase">The phase's name, as in <see cref="PhaseStarted"/>.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record PhaseCompleted(string Phase, TimeSpan Elapsed) : BuildEvent;
