namespace Boxer.Abstractions;

/// <summary>
/// A target that makes ONE output from several stage3s of different platforms, e.g. Docker's OCI image index
/// (one tag, one manifest per architecture). Optional: when the user gives several <c>--stage</c>s, the host
/// calls <see cref="BuildPlatformsAsync"/> on a target that implements this, and otherwise calls
/// <see cref="ITarget.BuildAsync"/> once per stage, naming each output <c>NAME-ARCH.EXT</c> (its <c>out</c>
/// option with the architecture before the extension). With one stage the host calls only
/// <see cref="ITarget.BuildAsync"/>, as before.
/// </summary>
/// <remarks>
/// Each context is complete, as for <see cref="ITarget.BuildAsync"/>: its own prepared and finalized tree
/// (<see cref="ITarget.Prepare"/> and the recipe ran once per platform), its own <see cref="StageInfo"/> whose
/// <see cref="StageInfo.Architecture"/> (name and variant) is the platform. The options are the same in every
/// context. The host has refused two stages of the same platform before calling. The contexts stay valid
/// until the returned task ends.
/// </remarks>
public interface IMultiPlatformTarget : ITarget
{
    /// <summary>Writes one output from every platform's tree, in the order the stages were given.</summary>
    /// <param name="platforms">One build context per stage3, at least two, each of a different platform.</param>
    /// <param name="cancellationToken">Cancels the build; the target removes its partial outputs.</param>
    /// <returns>What was produced (also reported as <see cref="ArtifactProduced"/> events).</returns>
    /// <exception cref="TargetException">The output could not be produced.</exception>
    Task<IReadOnlyList<Artifact>> BuildPlatformsAsync(IReadOnlyList<TargetBuildContext> platforms, CancellationToken cancellationToken);
}
