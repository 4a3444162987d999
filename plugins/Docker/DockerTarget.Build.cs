using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.Formats.Output;
using Boxer.Formats.Tar;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker;

/// <summary>The build: which outputs run, in which order, and the temp layer they share.</summary>
public sealed partial class DockerTarget
{
    public async Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var tag = options.GetString(TagOption) is { } text ? ImageReference.Parse(text) : null;
        var spec = ImageSpecs.FromBuild(context, tag);
        string? outPath = options.GetString(OutOption) is { } o ? Path.GetFullPath(o, context.WorkingDirectory) : null;
        bool push = options.GetBool(PushOption);
        bool force = options.GetBool(ForceOption);
        if (outPath is not null)
        {
            // Before minutes of work: --out names nothing, or a regular file and --force is given.
            OutputFile.CheckDestination(TargetName, outPath, force);
        }
        var artifacts = new List<Artifact>();
        OutputFile? layerFile = null;
        try
        {
            LayerBlob? gzipLayer = null;
            if (outPath is not null || push)
            {
                // Beside the output, so the layer and the archive share the disk the user chose.
                string layerDirectory = outPath is not null ? Path.GetDirectoryName(outPath)! : Path.GetTempPath();
                layerFile = OutputFile.CreateScratch(TargetName, layerDirectory, "layer", reportAs: outPath);
                gzipLayer = await WriteGzipLayerAsync(context, spec, layerFile, outPath, cancellationToken).ConfigureAwait(false);
            }
            if (outPath is not null)
            {
                artifacts.Add(await WriteArchiveFileAsync(context, spec, gzipLayer!, outPath, force, cancellationToken).ConfigureAwait(false));
            }
            if (tag is not null)
            {
                var loaded = await LoadIntoEngineAsync(context, spec, tag, tolerateNoEngine: push, cancellationToken).ConfigureAwait(false);
                if (loaded is not null)
                {
                    artifacts.Add(loaded);
                }
            }
            if (push)
            {
                artifacts.Add(await PushAsync(context, spec, tag!, gzipLayer!, cancellationToken).ConfigureAwait(false));
            }
            artifacts.ForEach(a => context.Progress.Report(new ArtifactProduced(a)));
            return artifacts;
        }
        catch (TarFormatException e)
        {
            throw new TargetException(TargetName, $"the tree cannot become a Docker layer: {e.Message}", e);
        }
        finally
        {
            layerFile?.Dispose();
        }
    }

    private static async Task<LayerBlob> WriteGzipLayerAsync(
        TargetBuildContext context, ImageSpec spec, OutputFile file, string? outPath, CancellationToken cancellationToken)
    {
        const string Phase = "docker:layer";
        var phase = PhaseReporter.Start(context.Progress, Phase, context.RootFs.ContentSize);
        try
        {
            var layer = await LayerWriter.WriteAsync(context.RootFs, spec.LayerOptions, spec.LayerLibrary, file.Stream, file.TempPath, phase, cancellationToken).ConfigureAwait(false);
            phase.Complete();
            return layer;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The layer is scratch space for the user's output: a full disk is reported against that path.
            throw OutputFile.Failure(TargetName, outPath ?? file.TempPath, error);
        }
    }

    private static string ContainerName(ImageReference tag) =>
        tag.Repository[(tag.Repository.LastIndexOf('/') + 1)..];

    /// <summary>
    /// An init as PID 1 can only end the container through reboot(2), which needs CAP_SYS_BOOT (inside a PID
    /// namespace it ends just that namespace); without it <c>docker stop</c> waits 10 s and kills. OpenRC's
    /// sysinit mounts a tmpfs on /run unless one is there, which an unprivileged container cannot do; and
    /// init logs to /dev/console, which Docker creates only with a terminal (<c>-t</c>). openrc-server's
    /// default Docker PID 1 (recipes/lib/docker-init.csx) needs none of these flags; its image declares /run a
    /// volume instead, and <c>--tmpfs /run</c> in the hint takes the volume's place, so no anonymous volume is
    /// left behind by a <c>docker rm</c> without <c>-v</c> (and each start gets an empty /run).
    /// </summary>
    private static string RunHint(ImageSpec spec, ImageReference tag) =>
        spec.Config.Entrypoint.FirstOrDefault() is "/sbin/init" or "/sbin/openrc-init"
            ? $"docker run -d -t {InitRunFlags} --name {ContainerName(tag)} {tag.FamiliarName}"
            : spec.Config.Volumes.Contains("/run")
                ? $"docker run -d {RunVolumeFlags} --name {ContainerName(tag)} {tag.FamiliarName}"
                : $"docker run -d --name {ContainerName(tag)} {tag.FamiliarName}";

    /// <summary>The flag that keeps an image's <c>/run</c> volume from becoming an anonymous volume per container.</summary>
    internal const string RunVolumeFlags = "--tmpfs /run";

    /// <summary>The <c>docker run</c> flags an image whose PID 1 is a real init needs to log, boot and stop cleanly.</summary>
    internal const string InitRunFlags = "--tmpfs /run --cap-add SYS_BOOT";

    private static string Short(string digest) => digest["sha256:".Length..][..12];

    private static async Task<string> ReadPasswordAsync(Func<TextReader> input, CancellationToken cancellationToken)
    {
        using var reader = input();
        string? line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line is { Length: > 0 }
            ? line
            : throw new TargetException(TargetName, "--registry-password-stdin: standard input held no password");
    }

    private static void Log(TargetBuildContext context, BuildLogLevel level, string message) =>
        context.Progress.Report(new LogMessage(level, message, TargetName));

    private static Artifact? NoEngine(TargetBuildContext context, TargetException e)
    {
        Log(context, BuildLogLevel.Warning, $"{e.Message}; pushing without loading into the engine");
        return null;
    }
}
