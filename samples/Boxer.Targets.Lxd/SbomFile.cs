using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>
/// The SBOM beside the image: <c>sbom.spdx.json</c> next to the split form's two files, <c>ALIAS.sbom.spdx.json</c>
/// next to a unified tarball (or <c>.cdx.json</c> for CycloneDX). It is written and committed with the image
/// files, so both appear together or neither does; the image's <c>sbom.*</c> properties name it.
/// </summary>
internal static class SbomFile
{
    /// <summary>The file name for this build, or null when the build has no SBOM.</summary>
    public static string? Name(TargetBuildContext context, LxdOptions options, bool unified) =>
        context.Sbom is { } sbom ? (unified ? $"{options.Alias}.{sbom.FileName}" : sbom.FileName) : null;

    /// <summary>The destinations to check before any work: the image's, plus the SBOM's when there is one.</summary>
    public static IEnumerable<string> With(IEnumerable<string> imageNames, string? sbomName) =>
        sbomName is null ? imageNames : imageNames.Append(sbomName);

    /// <summary>Writes the SBOM into <paramref name="files"/>' transaction.</summary>
    public static async Task WriteAsync(ImageFiles files, TargetBuildContext context, LxdOptions options, string? name, CancellationToken cancellationToken)
    {
        if (context.Sbom is not { } sbom || name is null)
        {
            return;
        }
        string path = Path.Combine(options.OutputDirectory, name);
        await files.WriteAsync(path, (stream, token) => stream.WriteAsync(sbom.Content, token).AsTask(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SBOM file's artifact, after the image's.</summary>
    public static Artifact? Artifact(TargetBuildContext context, LxdOptions options, string? name) =>
        context.Sbom is { } sbom && name is not null
            ? new Artifact(LxdTarget.TargetName, ArtifactKind.File, Path.Combine(options.OutputDirectory, name))
            {
                Size = sbom.Content.Length,
                Digest = sbom.Digest,
            }
            : null;
}
