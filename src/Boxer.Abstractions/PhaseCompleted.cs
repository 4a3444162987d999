namespace Boxer.Abstractions;

/// <summary>A phase finished successfully: the phase's last event (see <see cref="BuildEvent"/>).</summary>
/// <param name="Phase">The phase's name, as in <see cref="PhaseStarted"/>.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record PhaseCompleted(string Phase, TimeSpan Elapsed) : BuildEvent;
