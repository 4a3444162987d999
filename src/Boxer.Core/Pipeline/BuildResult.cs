using Boxer.Abstractions;

namespace Boxer.Core.Pipeline;

/// <summary>What a build produced.</summary>
/// <param name="Stage">Facts about the imported stage3.</param>
/// <param name="Decoder">What decompressed it.</param>
/// <param name="Artifacts">Every artifact, in target order.</param>
public sealed record BuildResult(StageInfo Stage, string Decoder, IReadOnlyList<Artifact> Artifacts)
{
    /// <summary>The targets that failed while the others went on (only with <see cref="BuildRequest.IsolateTargetFailures"/>).</summary>
    public IReadOnlyList<TargetFailure> Failures { get; init; } = [];
}
