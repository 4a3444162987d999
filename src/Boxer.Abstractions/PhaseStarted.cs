namespace Boxer.Abstractions;

/// <summary>A phase of the build began, e.g. <c>import</c>, <c>recipe</c>, <c>docker:write</c>, <c>docker:load</c>.</summary>
/// <param name="Phase">The phase's name: <c>target:step</c> for a target's phases.</param>
/// <param name="TotalBytes">How many bytes the phase will process, when known.</param>
public sealed record PhaseStarted(string Phase, long? TotalBytes = null) : BuildEvent;
