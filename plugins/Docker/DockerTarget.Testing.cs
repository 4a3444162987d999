using System.Formats.Tar;
using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Targets.Docker.Engine;
using Boxer.Targets.Docker.Testing;

namespace Boxer.Targets.Docker;

/// <summary>
/// <c>boxer test</c> for Docker images: an archive file from <c>--out</c> (loaded under a temporary tag, untagged
/// after) or an image in the engine, run as the build's usage hint says.
/// </summary>
public sealed partial class DockerTarget : IImageTester
{
    private static readonly string[] ArchiveIndexNames = ["manifest.json", "index.json"];

    /// <summary>A tar holding <c>manifest.json</c> or <c>index.json</c>, or a name the engine could hold.</summary>
    public bool CanTest(ImageTestSubject subject) =>
        subject.IsFile ? IsImageArchive(subject.Reference) : ImageReference.Check(subject.Reference) is null;

    public async Task<IBootedImage> BootAsync(ImageTestSubject subject, ImageBootOptions options, CancellationToken cancellationToken)
    {
        var engine = new DockerEngine(EngineHost());
        string? temporary = null;
        try
        {
            string image = subject.Reference;
            if (subject.IsFile)
            {
                temporary = $"{options.InstanceName}:latest";
                await ArchiveRetagger.LoadAsync(engine, subject.Reference, temporary, cancellationToken).ConfigureAwait(false);
                options.Progress.Report(new LogMessage(BuildLogLevel.Info, $"loaded {subject.Reference} as {temporary}", TargetName));
                image = temporary;
            }
            var config = await engine.FindImageConfigAsync(image, cancellationToken).ConfigureAwait(false)
                ?? throw new TargetException(TargetName, $"no image {image} in the engine at {engine.Host.Display}");
            var booted = new DockerBootedImage(engine, options.InstanceName, DockerRunShape.For(config), temporary, options.StopGrace);
            await booted.StartAsync(image, cancellationToken).ConfigureAwait(false);
            return booted;
        }
        catch
        {
            if (temporary is not null)
            {
                await engine.RemoveImageAsync(temporary, CancellationToken.None).ConfigureAwait(false);
            }
            engine.Dispose();
            throw;
        }
    }

    private static bool IsImageArchive(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var reader = new TarReader(file);
            // Our archives name oci-layout, index.json and manifest.json first; docker save's has manifest.json last.
            while (reader.GetNextEntry() is { } entry)
            {
                if (ArchiveIndexNames.Contains(entry.Name.TrimStart('.', '/')))
                {
                    return true;
                }
            }
            return false;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }
}
