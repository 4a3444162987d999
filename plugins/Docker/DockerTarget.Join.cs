using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Registry;

namespace Boxer.Targets.Docker;

/// <summary>
/// <c>boxer manifest --tag T REF...</c>: one index over per-platform images already in a registry. Each
/// source's platform is read from its config; a source in another repository of the same registry is
/// mounted (no bytes sent), then its manifest put by digest, so the index only points at what its repository holds.
/// </summary>
public sealed partial class DockerTarget : IIndexJoiningTarget
{
    public async Task<Artifact> JoinAsync(IndexJoinRequest request, CancellationToken cancellationToken)
    {
        var tag = Reference(request.Tag);
        var credentials = RegistryCredentials.FromDockerConfig(tag.Registry, DockerConfigDirectory());
        using var registry = new RegistryClient(tag, credentials, request.InsecureRegistry);
        var manifests = new List<(Descriptor Manifest, string Os, CpuArchitecture Architecture)>();
        foreach (var text in request.Sources)
        {
            var source = Reference(text);
            if (source.Registry != tag.Registry)
            {
                throw new TargetException(TargetName, $"{text}: in registry {source.Registry}, not {tag.Registry}; boxer manifest joins images of one registry");
            }
            var (bytes, descriptor) = await registry.GetManifestAsync(source.Repository, source.Tag, cancellationToken).ConfigureAwait(false);
            var (config, blobs) = Blobs(bytes, text);
            var (os, architecture) = Platform(await registry.GetBlobAsync(source.Repository, config, cancellationToken).ConfigureAwait(false), text);
            if (manifests.FirstOrDefault(m => m.Architecture == architecture && m.Os == os) is { Manifest: not null } same)
            {
                throw new TargetException(TargetName, $"{text}: same platform ({os}/{architecture}) as {same.Manifest.Digest}; give one image per platform");
            }
            if (source.Repository != tag.Repository)
            {
                foreach (var blob in blobs.Prepend(config))
                {
                    await registry.MountBlobAsync(blob, source.Repository, cancellationToken).ConfigureAwait(false);
                }
                await registry.PutManifestAsync(bytes, descriptor.MediaType, descriptor.Digest, descriptor.Digest, $"putting the manifest of {text}", cancellationToken).ConfigureAwait(false);
            }
            manifests.Add((descriptor, os, architecture));
            request.Progress.Report(new LogMessage(BuildLogLevel.Info, $"{text}: {os}/{architecture}, {descriptor.Digest}", TargetName));
        }
        byte[] index = ImageIndex.Json(manifests);
        var indexDescriptor = Descriptor.Of(MediaTypes.Index, index);
        string digest = await registry.PutManifestAsync(index, MediaTypes.Index, tag.Tag, indexDescriptor.Digest, "putting the index", cancellationToken).ConfigureAwait(false);
        var artifact = new Artifact(TargetName, ArtifactKind.RegistryImage, $"{tag.FamiliarName}@{digest}")
        {
            Size = index.Length,
            Digest = digest,
            UsageHints = [$"docker pull {tag.FamiliarName}", $"skopeo inspect --raw docker://{tag.FamiliarName}"],
        };
        request.Progress.Report(new ArtifactProduced(artifact));
        return artifact;
    }

    private static ImageReference Reference(string text) =>
        ImageReference.TryParse(text, out var reference, out string? error) ? reference : throw new TargetException(TargetName, $"{text}: {error}");

    /// <summary>The config digest and layer digests a single-platform manifest names.</summary>
    private static (string Config, List<string> Layers) Blobs(byte[] manifest, string source)
    {
        try
        {
            using var json = JsonDocument.Parse(manifest);
            var root = json.RootElement;
            return (root.GetProperty("config").GetProperty("digest").GetString()!,
                [.. root.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!)]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new TargetException(TargetName, $"{source}: the manifest is not an image manifest ({e.Message})", e);
        }
    }

    private static (string Os, CpuArchitecture Architecture) Platform(byte[] config, string source)
    {
        try
        {
            using var json = JsonDocument.Parse(config);
            var root = json.RootElement;
            string? variant = root.TryGetProperty("variant", out var v) ? v.GetString() : null;
            return (root.GetProperty("os").GetString()!, new CpuArchitecture(root.GetProperty("architecture").GetString()!, variant));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new TargetException(TargetName, $"{source}: the image config names no platform ({e.Message})", e);
        }
    }
}
