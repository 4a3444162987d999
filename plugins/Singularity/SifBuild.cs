using System.Security.Cryptography;
using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.Formats.Output;
using Boxer.Formats.Overlay;
using Boxer.Formats.Sif;
using Boxer.Formats.Signing;
using Boxer.Formats.Squashfs;

namespace Boxer.Targets.Singularity;

/// <summary>
/// One SIF build, written through an <see cref="OutputFile"/>: a hidden temporary file beside the output,
/// renamed into place at the end (mode 0755), removed on any failure or cancellation.
/// </summary>
internal sealed class SifBuild(TargetBuildContext context, string outputPath, SifBuildSettings settings)
{
    private const string Phase = "sif:write";
    private const string TargetName = "sif";

    /// <summary>0755: a SIF is run as a program (its launch script).</summary>
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    /// <summary>The key to sign the SIF with, as <c>apptainer sign</c> does; null for an unsigned SIF.</summary>
    public OpenPgpSigningKey? SigningKey { get; init; }

    public async Task<IReadOnlyList<Artifact>> RunAsync(CancellationToken cancellationToken)
    {
        OutputFile.CheckDestination(TargetName, outputPath, settings.Force);
        if (settings.OverlayMiB is not null && Ext3OverlayWriter.MissingTool() is { } missing)
        {
            throw Fail(missing);
        }
        string arch = ArchitectureCode();
        // The total is what the squashfs holds: the tree with the final environment and labels.
        var phase = PhaseReporter.Start(context.Progress, Phase, FinalTree().ContentSize);
        using var overlay = settings.OverlayMiB is { } mib
            ? await SifOverlay.CreateAsync(outputPath, mib, context.SourceDateEpoch, cancellationToken).ConfigureAwait(false)
            : null;
        using (var output = OutputFile.Create(TargetName, outputPath, settings.Force))
        {
            try
            {
                await WriteAsync(output.Stream, arch, overlay, phase, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw OutputFile.Failure(TargetName, outputPath, error);
            }
            catch (SquashfsException error)
            {
                throw Fail($"cannot build the squashfs partition: {error.Message}", error);
            }
            output.Commit(Executable);
        }
        phase.Complete();
        // The file is in place: the build has succeeded, and a late Ctrl-C must not report "cancelled" beside it.
        var artifact = await ArtifactAsync(CancellationToken.None).ConfigureAwait(false);
        context.Progress.Report(new ArtifactProduced(artifact));
        return [artifact];
    }

    private ReplacedContentView FinalTree() =>
        WithFinalConfig(SingularityFiles.Environment(context.Image.Env), new SifMetadata(context).Labels());

    private async Task WriteAsync(Stream file, string arch, SifOverlay? overlay, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var metadata = new SifMetadata(context);
        var labels = metadata.Labels();
        string environment = SingularityFiles.Environment(context.Image.Env);
        var tree = WithFinalConfig(environment, labels);
        string runscript = ReadOr(tree, ".singularity.d/runscript", SingularityFiles.Runscript);
        string startscript = ReadOr(tree, ".singularity.d/startscript", SingularityFiles.Startscript);
        var squashfs = new SquashfsWriter(new SquashfsWriterOptions
        {
            BlockSize = settings.BlockSize,
            Compression = settings.Compression,
            CompressionLevel = settings.Level,
            Library = settings.Library,
            SourceDateEpoch = context.SourceDateEpoch,
            Progress = progress,
        });
        List<SifObject> objects =
        [
            SifObject.FromBytes(SifDataType.DefFile, Encoding.UTF8.GetBytes(metadata.DefFile())),
            SifObject.FromBytes(SifDataType.GenericJson, metadata.InspectJson(runscript, startscript, environment, labels)) with { Name = "inspect-metadata.json" },
            SifObject.Partition(SifPartitionTypes.Squashfs, SifPartitionTypes.PrimarySystem, arch,
                async (stream, token) => await squashfs.WriteAsync(tree, stream, token).ConfigureAwait(false)) with { Name = "squashfs-rootfs" },
            .. SbomObjects(),
        ];
        if (overlay is not null)
        {
            objects.Add(overlay.Partition(arch));
        }
        var options = context.SourceDateEpoch is null
            ? SifWriterOptions.Apptainer()
            : SifWriterOptions.Deterministic with { LaunchScript = SifWriterOptions.ApptainerLaunchScript };
        await new SifWriter(options).WriteAsync(file, objects, cancellationToken).ConfigureAwait(false);
        if (SigningKey is not null)
        {
            SifSignature.Append(context, file, SigningKey);
        }
    }

    /// <summary>The build's SBOM as a SIF SBOM object after the partition (sylabs/sif's DataSBOM), or nothing.</summary>
    private IEnumerable<SifObject> SbomObjects() => context.Sbom is { } sbom
        ? [SifSbom.Object(sbom.IsSpdx ? SifSbomFormat.SpdxJson : SifSbomFormat.CycloneDxJson, sbom.Content.ToArray()) with { Name = sbom.FileName }]
        : [];

    private string ArchitectureCode()
    {
        // A stage3 with no ELF file to read an architecture from is written as amd64, the header needs one.
        string goArch = context.Image.Architecture.OrElse(CpuArchitecture.Amd64).Name;
        try
        {
            return SifArchitecture.CodeOf(goArch);
        }
        catch (ArgumentException error)
        {
            throw Fail($"SIF has no architecture code for '{goArch}'", error);
        }
    }

    private ReplacedContentView WithFinalConfig(string environment, SortedDictionary<string, string> labels)
    {
        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (context.RootFs.Find(".singularity.d/env/90-environment.sh")?.Kind == EntryKind.File)
        {
            replaced[".singularity.d/env/90-environment.sh"] = Encoding.UTF8.GetBytes(environment);
        }
        if (context.RootFs.Find(".singularity.d/labels.json")?.Kind == EntryKind.File)
        {
            replaced[".singularity.d/labels.json"] = SifMetadata.LabelsJson(labels);
        }
        return new ReplacedContentView(context.RootFs, replaced);
    }

    private static string ReadOr(IReadOnlyRootFs tree, string path, string fallback) =>
        tree.Find(path)?.Kind == EntryKind.File ? tree.ReadAllText(path) : fallback;

    private async Task<Artifact> ArtifactAsync(CancellationToken cancellationToken)
    {
        var file = File.OpenRead(outputPath);
        await using (file.ConfigureAwait(false))
        {
            byte[] hash = await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
            return new Artifact(TargetName, ArtifactKind.File, outputPath)
            {
                Size = file.Length,
                Digest = "sha256:" + Convert.ToHexStringLower(hash),
                UsageHints = [UsageHint()],
            };
        }
    }

    /// <summary>An embedded overlay is only written with --writable, which needs root (it mounts the ext3 read-write).</summary>
    private string UsageHint() => settings.OverlayMiB is null
        ? $"singularity instance start --boot --writable-tmpfs {outputPath} {InstanceName()}"
        : $"sudo singularity instance start --boot --writable {outputPath} {InstanceName()}";

    private string InstanceName()
    {
        string name = Path.GetFileNameWithoutExtension(outputPath);
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return clean.Length == 0 ? "stage3" : clean;
    }

    private TargetException Fail(string message, Exception? inner = null) =>
        new(TargetName, message, inner) { Artifact = outputPath };
}
