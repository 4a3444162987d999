using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.Formats.Hashing;
using Boxer.Formats.Output;
using Boxer.Targets.Docker.Engine;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Registry;

namespace Boxer.Targets.Docker;

/// <summary>The three outputs: an archive file, the engine, a registry.</summary>
public sealed partial class DockerTarget
{
    private static async Task<Artifact> WriteArchiveFileAsync(
        TargetBuildContext context, ImageSpec spec, LayerBlob layer, string outPath, bool force, CancellationToken cancellationToken)
    {
        ImageDocuments documents;
        string digest;
        long size;
        using (var output = OutputFile.Create(TargetName, outPath, force))
        {
            try
            {
                var hashing = new HashingStream(output.Stream, leaveOpen: true);
                await using (hashing.ConfigureAwait(false))
                {
                    documents = await DockerArchiveWriter.WriteOciArchiveAsync(
                        hashing, layer, spec, cancellationToken, Referrer(context, spec, layer)).ConfigureAwait(false);
                    (digest, size) = (hashing.Digest, hashing.BytesWritten);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw OutputFile.Failure(TargetName, outPath, error);
            }
            output.Commit();
        }
        Log(context, BuildLogLevel.Info, $"wrote {outPath}: image {Short(documents.ImageId)}, layer {layer.Descriptor.Size} bytes gzip");
        return new Artifact(TargetName, ArtifactKind.File, outPath)
        {
            Size = size,
            Digest = digest,
            UsageHints = [$"docker load -i {outPath}", $"skopeo copy oci-archive:{outPath}{OciRefSuffix(context, spec)} docker://REGISTRY/NAME:TAG"],
        };
    }

    private async Task<Artifact?> LoadIntoEngineAsync(
        TargetBuildContext context, ImageSpec spec, ImageReference tag, bool tolerateNoEngine, CancellationToken cancellationToken)
    {
        const string Phase = "docker:load";
        using var engine = new DockerEngine(EngineHost());
        long total = DockerArchiveWriter.MeasureStreaming(context.RootFs, spec);
        var phase = PhaseReporter.Start(context.Progress, Phase, context.RootFs.ContentSize);
        ImageDocuments? documents = null;
        LoadReply reply;
        try
        {
            reply = await engine.LoadAsync(
                async (stream, ct) => documents = await DockerArchiveWriter.WriteStreamingAsync(stream, context.RootFs, spec, phase, ct).ConfigureAwait(false),
                total,
                new InlineProgress<string>(line => Log(context, BuildLogLevel.Debug, line)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TargetException e) when (tolerateNoEngine && documents is null && e.InnerException is HttpRequestException)
        {
            return NoEngine(context, e);
        }
        if (!reply.LoadedNames.Contains(tag.FamiliarName))
        {
            await engine.TagAsync(documents!.ImageId, tag, cancellationToken).ConfigureAwait(false);
        }
        phase.Complete();
        Log(context, BuildLogLevel.Info, $"loaded {tag.FamiliarName} into the engine at {engine.Host.Display}: image {Short(documents!.ImageId)}");
        return new Artifact(TargetName, ArtifactKind.EngineImage, tag.FamiliarName)
        {
            Size = total,
            Digest = documents.ImageId,
            UsageHints = [RunHint(spec, tag)],
        };
    }

    private async Task<Artifact> PushAsync(
        TargetBuildContext context, ImageSpec spec, ImageReference tag, LayerBlob layer, CancellationToken cancellationToken)
    {
        const string Phase = "docker:push";
        var phase = PhaseReporter.Start(context.Progress, Phase, layer.Descriptor.Size);
        var credentials = context.Options.GetBool(PasswordStdinOption)
            ? new RegistryCredentials(context.Options.GetString(UserOption)!, await ReadPasswordAsync(PasswordInput, cancellationToken).ConfigureAwait(false))
            : RegistryCredentials.FromDockerConfig(tag.Registry, DockerConfigDirectory());
        var documents = ImageDocuments.Create(spec, layer);
        using var registry = new RegistryClient(tag, credentials, context.Options.GetBool(InsecureOption));
        var result = await registry.PushAsync(documents, new InlineProgress<string>(line => Log(context, BuildLogLevel.Info, line)), cancellationToken).ConfigureAwait(false);
        string? sbomDigest = await PushSbomAsync(context, spec, layer, registry, cancellationToken).ConfigureAwait(false);
        if (SigningKey(context) is { } key)
        {
            await SignAsync(context, registry, tag, result.ManifestDigest, key, cancellationToken).ConfigureAwait(false);
            // The SBOM says what is inside; signed too, so a verifier can trust it as much as the image.
            if (sbomDigest is not null)
            {
                await SignAsync(context, registry, tag, sbomDigest, key, cancellationToken).ConfigureAwait(false);
            }
        }
        phase.Complete();
        return new Artifact(TargetName, ArtifactKind.RegistryImage, $"{tag.FamiliarName}@{result.ManifestDigest}")
        {
            Size = layer.Descriptor.Size + documents.ConfigDescriptor.Size + documents.ManifestDescriptor.Size,
            Digest = result.ManifestDigest,
            UsageHints = [$"docker pull {tag.FamiliarName}", RunHint(spec, tag)],
        };
    }
}
