namespace Boxer.Abstractions;

/// <summary>What kind of thing a build produced.</summary>
public enum ArtifactKind
{
    /// <summary>A file on the build host; <see cref="Artifact.Location"/> is its path.</summary>
    File,

    /// <summary>An image in a container engine's store; <see cref="Artifact.Location"/> is its reference.</summary>
    EngineImage,

    /// <summary>An image in a registry; <see cref="Artifact.Location"/> is its reference.</summary>
    RegistryImage,
}
