using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>
/// <c>boxer lxd</c>: an LXD image, split (<c>metadata.tar.xz</c> + <c>rootfs.squashfs</c>, the default) or
/// unified (one <c>.tar.gz</c> holding <c>metadata.yaml</c>, <c>templates/</c> and <c>rootfs/</c>), optionally
/// imported into the local LXD. The host finds this class because it is a public <see cref="ITarget"/> with a
/// public parameterless constructor in <c>Boxer.Targets.Lxd.dll</c>.
/// </summary>
public sealed partial class LxdTarget : ITarget
{
    internal const string TargetName = "lxd";

    /// <inheritdoc/>
    public string Name => TargetName;

    /// <inheritdoc/>
    public string Summary => "LXD image: metadata.tar.xz + rootfs.squashfs, or one unified tarball (--unified); --import loads it";

    /// <inheritdoc/>
    public IReadOnlyList<TargetOption> Options { get; } =
    [
        new("out", TargetOptionKind.Path, "Output directory (default: the current directory)") { ValueName = "DIR" },
        new("alias", TargetOptionKind.Text, "Image alias for --import and the printed lxc command (default: from the stage3's name)")
        {
            ValueName = "NAME",
            Validate = LxdOptions.CheckAlias,
        },
        new("unified", TargetOptionKind.Bool, "Write one unified tarball (metadata.yaml, templates/, rootfs/) instead of the split form"),
        new("import", TargetOptionKind.Bool, "Import the image into the local LXD (its unix socket; LXD_DIR is honoured)"),
        new("force", TargetOptionKind.Bool, "Overwrite image files that exist in the output directory (regular files only)"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate(TargetOptionValues options) =>
        options.GetString("alias") is { } alias && LxdOptions.CheckAlias(alias) is { } problem ? [$"--alias: {problem}"] : [];

    /// <inheritdoc/>
    /// <remarks>
    /// Nothing to change in the tree: the recipe (openrc-server's <c>lxd</c> branch) finalizes init, and the
    /// image's templates give each instance its own <c>/etc/hostname</c> and <c>/etc/hosts</c> at create time.
    /// </remarks>
    public void Prepare(TargetPrepareContext context)
    {
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken)
    {
        var options = LxdOptions.From(context);
        var image = options.Unified
            ? await new UnifiedImageWriter(context, options).WriteAsync(cancellationToken).ConfigureAwait(false)
            : await new SplitImageWriter(context, options).WriteAsync(cancellationToken).ConfigureAwait(false);
        var artifacts = image.Artifacts(options.Alias);
        if (SbomFile.Artifact(context, options, SbomFile.Name(context, options, options.Unified)) is { } sbom)
        {
            artifacts.Add(sbom);
        }
        if (options.Import
            && await new LxdImport(context.Progress).RunAsync(image, options.Alias, cancellationToken).ConfigureAwait(false) is { } imported)
        {
            artifacts.Add(imported);
        }
        foreach (var artifact in artifacts)
        {
            context.Progress.Report(new ArtifactProduced(artifact));
        }
        return artifacts;
    }
}
