using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Registry;

namespace Boxer.Targets.Docker;

/// <summary>
/// The SBOM's two places: a file in the image (<c>/usr/share/boxer/sbom.spdx.json</c>, put there before the
/// recipe so the plan shows it), and an OCI 1.1 referrer of the image manifest in <c>--out</c>'s layout and on
/// the registry. The engine keeps no referrers, so a <c>--tag</c>-only build carries the file alone.
/// </summary>
public sealed partial class DockerTarget
{
    private static void PlaceSbom(TargetPrepareContext context)
    {
        if (context.Sbom is not { } sbom)
        {
            return;
        }
        try
        {
            context.RootFs.CreateDirectory(SbomDocument.ImageDirectory);
            context.RootFs.WriteAllBytes(sbom.ImagePath, sbom.Content.Span);
        }
        catch (IOException e)
        {
            // A tree whose /usr/share is not a directory still gets the referrer; one line says so.
            context.Progress.Report(new LogMessage(BuildLogLevel.Warning, $"cannot put the SBOM at /{sbom.ImagePath}: {e.Message}", TargetName));
        }
    }

    /// <summary>The referrer of the image whose layer is <paramref name="layer"/>, or null without an SBOM.</summary>
    private static SbomReferrer? Referrer(TargetBuildContext context, ImageSpec spec, LayerBlob layer) =>
        context.Sbom is { } sbom ? SbomReferrer.Create(sbom, ImageDocuments.Create(spec, layer).ManifestDescriptor, spec.Created) : null;

    /// <summary>
    /// <c>:REF</c> for the skopeo hint when the layout also lists the referrer (skopeo then needs the image's
    /// name), else nothing: the ref name the index gives the image (its tag, else <see cref="SbomReferrer.DefaultRefName"/>).
    /// </summary>
    private static string OciRefSuffix(TargetBuildContext context, ImageSpec spec) =>
        context.Sbom is null ? ""
        : spec.RepoTags.FirstOrDefault() is { } tag ? ":" + tag[(tag.LastIndexOf(':') + 1)..]
        : ":" + SbomReferrer.DefaultRefName;

    /// <summary>Pushes the SBOM referrer of the pushed image; its manifest digest (for the signature), or null without an SBOM.</summary>
    private static async Task<string?> PushSbomAsync(
        TargetBuildContext context, ImageSpec spec, LayerBlob layer, RegistryClient registry, CancellationToken cancellationToken)
    {
        if (Referrer(context, spec, layer) is not { } referrer)
        {
            return null;
        }
        var log = new InlineProgress<string>(line => Log(context, BuildLogLevel.Info, line));
        await registry.PushReferrerAsync(referrer, log, cancellationToken).ConfigureAwait(false);
        return referrer.ManifestDescriptor.Descriptor.Digest;
    }
}
