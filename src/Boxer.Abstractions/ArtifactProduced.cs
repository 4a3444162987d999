namespace Boxer.Abstractions;

/// <summary>A target finished writing an artifact.</summary>
/// <param name="Artifact">What was produced.</param>
public sealed record ArtifactProduced(Artifact Artifact) : BuildEvent;
