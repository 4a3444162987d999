namespace Boxer.Abstractions;

/// <summary>What <see cref="IIndexJoiningTarget.JoinAsync"/> joins, and where to.</summary>
public sealed record IndexJoinRequest
{
    /// <summary>The reference to publish the index under, e.g. <c>registry.example/name:1</c>.</summary>
    public required string Tag { get; init; }

    /// <summary>The per-platform images to join, e.g. <c>registry.example/name:1-amd64</c>, in order.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Whether to talk to the registry over plain HTTP.</summary>
    public bool InsecureRegistry { get; init; }

    /// <summary>Receives log lines and the artifact.</summary>
    public required IProgress<BuildEvent> Progress { get; init; }
}
