using Boxer.Abstractions;

namespace Boxer.Targets.Docker.Image;

/// <summary>One platform's image in an <see cref="ImageIndex"/>: its documents and the platform they run on.</summary>
/// <param name="Os">The OS, <c>linux</c>.</param>
/// <param name="Architecture">The CPU architecture and variant, as the config names them.</param>
/// <param name="Documents">The image's config, manifest and layer.</param>
public sealed record PlatformImage(string Os, CpuArchitecture Architecture, ImageDocuments Documents)
{
    /// <summary><c>linux/arm64/v8</c>, as <c>docker --platform</c> writes it.</summary>
    public string Platform => Architecture.Variant is { } v ? $"{Os}/{Architecture.Name}/{v}" : $"{Os}/{Architecture.Name}";
}
