using System.Runtime.InteropServices;
using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.Formats.Hashing;
using Boxer.Formats.Output;
using Boxer.Formats.Tar;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Registry;

namespace Boxer.Targets.Docker;

/// <summary>
/// Several stage3s, one image index: one image per platform under one tag. <c>--out</c> writes an OCI layout
/// with the index (and a <c>manifest.json</c> of the engine platform's image for <c>docker load</c>);
/// <c>--tag</c> loads the engine platform's image only, an engine holding one image per name; <c>--push</c>
/// pushes every image and then the index.
/// </summary>
public sealed partial class DockerTarget : IMultiPlatformTarget
{
    private const string Os = "linux";

    public async Task<IReadOnlyList<Artifact>> BuildPlatformsAsync(IReadOnlyList<TargetBuildContext> platforms, CancellationToken cancellationToken)
    {
        var first = platforms[0];
        var options = first.Options;
        var tag = options.GetString(TagOption) is { } text ? ImageReference.Parse(text) : null;
        string? outPath = options.GetString(OutOption) is { } o ? Path.GetFullPath(o, first.WorkingDirectory) : null;
        bool push = options.GetBool(PushOption);
        if (outPath is not null)
        {
            OutputFile.CheckDestination(TargetName, outPath, options.GetBool(ForceOption));
        }
        var scratch = new List<OutputFile>();
        try
        {
            var images = outPath is not null || push
                ? await WriteLayersAsync(platforms, tag, outPath, scratch, cancellationToken).ConfigureAwait(false)
                : null;
            var engineArchitecture = EngineArchitecture();
            int engineIndex = platforms.ToList().FindIndex(p => Architecture(p).Name == engineArchitecture);
            var artifacts = new List<Artifact>();
            if (images is not null && outPath is not null)
            {
                var index = ImageIndex.Create(images);
                var loadable = engineIndex >= 0 ? images[engineIndex] : null;
                artifacts.Add(await WriteIndexFileAsync(first, index, loadable, ImageSpecs.FromBuild(first, tag), outPath, cancellationToken).ConfigureAwait(false));
            }
            if (tag is not null)
            {
                var loaded = await LoadEnginePlatformAsync(platforms, engineIndex, engineArchitecture, tag, push, cancellationToken).ConfigureAwait(false);
                if (loaded is not null)
                {
                    artifacts.Add(loaded);
                }
            }
            if (push)
            {
                artifacts.Add(await PushIndexAsync(first, ImageIndex.Create(images!), tag!, cancellationToken).ConfigureAwait(false));
            }
            artifacts.ForEach(a => first.Progress.Report(new ArtifactProduced(a)));
            return artifacts;
        }
        catch (TarFormatException e)
        {
            throw new TargetException(TargetName, $"the tree cannot become a Docker layer: {e.Message}", e);
        }
        finally
        {
            scratch.ForEach(f => f.Dispose());
        }
    }

    /// <summary>The engine's platform: this machine's, where the engine boxer talks to runs.</summary>
    internal static string EngineArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static CpuArchitecture Architecture(TargetBuildContext context) => context.Image.Architecture.OrElse(CpuArchitecture.Amd64);

    private static async Task<List<PlatformImage>> WriteLayersAsync(
        IReadOnlyList<TargetBuildContext> platforms, ImageReference? tag, string? outPath, List<OutputFile> scratch, CancellationToken cancellationToken)
    {
        string layerDirectory = outPath is not null ? Path.GetDirectoryName(outPath)! : Path.GetTempPath();
        var images = new List<PlatformImage>();
        foreach (var context in platforms)
        {
            var spec = ImageSpecs.FromBuild(context, tag);
            var file = OutputFile.CreateScratch(TargetName, layerDirectory, "layer", reportAs: outPath);
            scratch.Add(file);
            var layer = await WriteGzipLayerAsync(context, spec, file, outPath, cancellationToken).ConfigureAwait(false);
            images.Add(new PlatformImage(Os, spec.Config.Architecture, ImageDocuments.Create(spec, layer)));
        }
        return images;
    }

    private static async Task<Artifact> WriteIndexFileAsync(
        TargetBuildContext context, ImageIndex index, PlatformImage? loadable, ImageSpec spec, string outPath, CancellationToken cancellationToken)
    {
        string digest;
        long size;
        using (var output = OutputFile.Create(TargetName, outPath, context.Options.GetBool(ForceOption)))
        {
            try
            {
                var hashing = new HashingStream(output.Stream, leaveOpen: true);
                await using (hashing.ConfigureAwait(false))
                {
                    await DockerArchiveWriter.WriteIndexArchiveAsync(hashing, index, loadable, spec, cancellationToken).ConfigureAwait(false);
                    (digest, size) = (hashing.Digest, hashing.BytesWritten);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw OutputFile.Failure(TargetName, outPath, error);
            }
            output.Commit();
        }
        string platforms = string.Join(", ", index.Images.Select(i => i.Platform));
        string docker = loadable is null ? "no image of the engine's platform for docker load" : $"docker load gets {loadable.Platform}";
        Log(context, BuildLogLevel.Info, $"wrote {outPath}: index {Short(index.Descriptor.Digest)} of {platforms}; {docker}");
        return new Artifact(TargetName, ArtifactKind.File, outPath)
        {
            Size = size,
            Digest = digest,
            UsageHints = [$"skopeo copy --all oci-archive:{outPath} docker://REGISTRY/NAME:TAG", $"docker load -i {outPath}"],
        };
    }

    private async Task<Artifact?> LoadEnginePlatformAsync(
        IReadOnlyList<TargetBuildContext> platforms, int engineIndex, string engineArchitecture, ImageReference tag, bool push, CancellationToken cancellationToken)
    {
        var first = platforms[0];
        var skipped = platforms.Where((_, i) => i != engineIndex).Select(p => $"{Os}/{Architecture(p)}");
        if (engineIndex < 0)
        {
            string message = $"no stage is of the engine's platform ({Os}/{engineArchitecture}); nothing to load (skipped {string.Join(", ", skipped)})";
            if (push)
            {
                Log(first, BuildLogLevel.Warning, message);
                return null;
            }
            throw new TargetException(TargetName, message);
        }
        var context = platforms[engineIndex];
        var loaded = await LoadIntoEngineAsync(context, ImageSpecs.FromBuild(context, tag), tag, tolerateNoEngine: push, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            Log(first, BuildLogLevel.Info, $"loaded {Os}/{Architecture(context)} as {tag.FamiliarName}; skipped {string.Join(", ", skipped)} (an engine holds one platform per name)");
        }
        return loaded;
    }

    private async Task<Artifact> PushIndexAsync(TargetBuildContext context, ImageIndex index, ImageReference tag, CancellationToken cancellationToken)
    {
        long total = index.Images.Sum(i => i.Documents.Layer.Descriptor.Size);
        var phase = PhaseReporter.Start(context.Progress, "docker:push", total);
        var credentials = context.Options.GetBool(PasswordStdinOption)
            ? new RegistryCredentials(context.Options.GetString(UserOption)!, await ReadPasswordAsync(PasswordInput, cancellationToken).ConfigureAwait(false))
            : RegistryCredentials.FromDockerConfig(tag.Registry, DockerConfigDirectory());
        using var registry = new RegistryClient(tag, credentials, context.Options.GetBool(InsecureOption));
        var result = await registry.PushIndexAsync(index, new InlineProgress<string>(line => Log(context, BuildLogLevel.Info, line)), cancellationToken).ConfigureAwait(false);
        phase.Complete();
        Log(context, BuildLogLevel.Info, $"pushed the index of {string.Join(", ", index.Images.Select(i => i.Platform))}: {result.UploadedBlobs} blob(s) uploaded, {result.SkippedBlobs} already there");
        return new Artifact(TargetName, ArtifactKind.RegistryImage, $"{tag.FamiliarName}@{result.ManifestDigest}")
        {
            Size = total + index.Descriptor.Size,
            Digest = result.ManifestDigest,
            UsageHints = [$"docker pull {tag.FamiliarName}", $"skopeo inspect --raw docker://{tag.FamiliarName}"],
        };
    }
}
