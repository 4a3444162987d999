namespace Boxer.Abstractions;

/// <summary>Something a target produced.</summary>
/// <param name="Target">The producing target's <see cref="ITarget.Name"/>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Location">A file path or an image reference such as <c>registry:5000/funtoo:latest</c>.</param>
public sealed record Artifact(string Target, ArtifactKind Kind, string Location)
{
    /// <summary>Its size in bytes, when known.</summary>
    public long? Size { get; init; }

    /// <summary>Its digest (<c>sha256:…</c>): the file's hash, or the image ID or manifest digest.</summary>
    public string? Digest { get; init; }

    /// <summary>Commands that use it, e.g. <c>docker run -d …</c>, shown to the user after the build.</summary>
    public IReadOnlyList<string> UsageHints { get; init; } = [];
}
