namespace Boxer.Abstractions;

/// <summary>
/// A target that joins images already published, one per platform, into one multi-platform reference, for
/// <c>boxer manifest --tag T REF...</c>: e.g. a CI matrix builds and pushes each architecture in its own job,
/// and a last job joins them under one tag (Docker: an OCI image index in the registry). Optional.
/// </summary>
public interface IIndexJoiningTarget : ITarget
{
    /// <summary>Reads each source's platform and publishes one index of them all under <see cref="IndexJoinRequest.Tag"/>.</summary>
    /// <param name="request">The tag, the sources and how to reach them.</param>
    /// <param name="cancellationToken">Cancels the join.</param>
    /// <returns>What was published.</returns>
    /// <exception cref="TargetException">A source is missing or unreadable, two are of one platform, or the publish failed.</exception>
    Task<Artifact> JoinAsync(IndexJoinRequest request, CancellationToken cancellationToken);
}
