using Boxer.Abstractions;
using Boxer.Formats.Tar;

namespace Boxer.Targets.Docker.Image;

/// <summary>Everything about an image except its layer's bytes: what the config and manifests are made from.</summary>
public sealed record ImageSpec
{
    /// <summary>The runtime configuration (entrypoint, env, labels the recipe set, …).</summary>
    public required ImageConfig Config { get; init; }

    /// <summary>The image's creation time (SOURCE_DATE_EPOCH when reproducible).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>All labels, provenance included, by key.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The manifest's annotations: the stage's provenance.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The history line saying how the layer was made.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The tags the archive names (<c>RepoTags</c> in <c>manifest.json</c>); may be empty.</summary>
    public IReadOnlyList<string> RepoTags { get; init; } = [];

    /// <summary>How the layer tar is written (clamping, whiteout refusal).</summary>
    public TarWriterOptions LayerOptions { get; init; } = new() { RefuseWhiteoutNames = true };

    /// <summary>The library that gzips the layer; its bytes and digest depend on it (recorded as a label).</summary>
    public Boxer.Formats.Compression.CodecLibrary LayerLibrary { get; init; } =
        Boxer.Formats.Compression.CodecLibraries.Preferred(Boxer.Formats.Compression.BlockCompression.Gzip);
}
