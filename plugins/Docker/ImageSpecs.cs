using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Tar;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker;

/// <summary>Builds an <see cref="ImageSpec"/> from a build: the recipe's config plus provenance labels.</summary>
public static class ImageSpecs
{
    public const string CreatedLabel = "org.opencontainers.image.created";
    public const string SourceLabel = "org.opencontainers.image.source";
    public const string SourceSha256Label = "org.opencontainers.image.source.sha256";
    public const string RecipeLabel = "org.opencontainers.image.recipe";
    public const string RecipeSha256Label = "org.opencontainers.image.recipe.sha256";
    public const string VersionLabel = "org.opencontainers.image.boxer.version";

    /// <summary>The layer's gzip level: <see cref="System.IO.Compression.CompressionLevel.Optimal"/>, zlib's 6.</summary>
    public const int LayerGzipLevel = 6;

    public static ImageSpec FromBuild(TargetBuildContext context, ImageReference? tag)
    {
        var config = context.Image.Clone();
        // An image config must name an architecture; a stage3 with no ELF file to read one from gets amd64, as the engine would assume.
        config.Architecture = config.Architecture.OrElse(CpuArchitecture.Amd64);
        // A recipe's explicit time wins unless SOURCE_DATE_EPOCH asks for a reproducible one.
        var created = context.SourceDateEpoch is null && config.Created is { } chosen ? chosen : context.CreatedTime;
        return new ImageSpec
        {
            Config = config,
            Created = created,
            Labels = Labels(context, config, created),
            Annotations = context.Stage.Provenance?.ToLabels().ToDictionary(StringComparer.Ordinal) ?? [],
            CreatedBy = $"boxer {context.BoxerVersion}: {context.Stage.SourceName} finalized by {context.Recipe.Name}",
            RepoTags = tag is null ? [] : [tag.FamiliarName],
            LayerLibrary = DockerTarget.LayerCodec(context.Options).Library!,
            LayerOptions = new TarWriterOptions
            {
                ClampTime = context.SourceDateEpoch,
                RefuseWhiteoutNames = true,
                Skipped = entry => context.Progress.Report(
                    new LogMessage(BuildLogLevel.Warning, $"skipped the socket /{entry.Path}: a tar layer cannot hold sockets", "docker")),
            },
        };
    }

    /// <summary>The recipe's labels, then provenance, which the build knows better than any recipe.</summary>
    private static SortedDictionary<string, string> Labels(TargetBuildContext context, ImageConfig config, DateTimeOffset created)
    {
        var labels = new SortedDictionary<string, string>(config.Labels, StringComparer.Ordinal)
        {
            [CreatedLabel] = ImageConfigJson.Rfc3339(created),
            [SourceLabel] = context.Stage.SourceName,
            [SourceSha256Label] = context.Stage.SourceSha256,
            [RecipeLabel] = context.Recipe.Name,
        };
        if (context.Recipe.Sha256.Length > 0)
        {
            labels[RecipeSha256Label] = context.Recipe.Sha256;
        }
        if (context.BoxerVersion.Length > 0)
        {
            labels[VersionLabel] = context.BoxerVersion;
        }
        // The layer's bytes (its digest) depend on the library; Validate has refused a choice that does not resolve.
        labels[CodecLibraries.LabelKey] = DockerTarget.LayerCodec(context.Options).Library!.Describe(DockerTarget.LayerLevel(context.Options));
        foreach (var (key, value) in context.Stage.Provenance?.ToLabels() ?? [])
        {
            labels[key] = value;
        }
        return labels;
    }
}
