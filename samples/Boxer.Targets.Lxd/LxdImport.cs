using System.Net.Http.Headers;
using Boxer.Abstractions;
using Boxer.Formats.Events;

namespace Boxer.Targets.Lxd;

/// <summary>
/// <c>--import</c>: hands the written image to the local LXD over its REST API, then points the alias at it.
/// No LXD is not an error (the files are the product): the user is told the <c>lxc image import</c> command.
/// </summary>
internal sealed class LxdImport(IProgress<BuildEvent> progress)
{
    private const string Phase = "lxd:import";

    public async Task<Artifact?> RunAsync(LxdImage image, string alias, CancellationToken cancellationToken)
    {
        using var client = new LxdClient(LxdClient.DefaultSocketPath());
        if (!await client.IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            Log(BuildLogLevel.Warning, $"no LXD is running at {client.SocketPath}; import the image with: {image.ImportCommand(alias)}");
            return null;
        }
        long total = image.Files.Sum(f => new FileInfo(f).Length);
        var phase = PhaseReporter.Start(progress, Phase, total);
        try
        {
            await UploadUnlessPresentAsync(client, image, phase, cancellationToken).ConfigureAwait(false);
            await client.SetAliasAsync(alias, image.Fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is LxdException or HttpRequestException)
        {
            throw new TargetException(LxdTarget.TargetName, $"LXD refused the image import: {error.Message}", error) { Artifact = image.Files[^1] };
        }
        phase.Complete();
        Log(BuildLogLevel.Info, $"imported into LXD as {alias} (fingerprint {image.Fingerprint[..12]})");
        return new Artifact(LxdTarget.TargetName, ArtifactKind.EngineImage, $"lxd:{alias}")
        {
            Size = total,
            Digest = "sha256:" + image.Fingerprint,
            UsageHints = [$"lxc launch {alias} NAME"],
        };
    }

    private async Task UploadUnlessPresentAsync(LxdClient client, LxdImage image, PhaseReporter phase, CancellationToken cancellationToken)
    {
        if (await client.ImageExistsAsync(image.Fingerprint, cancellationToken).ConfigureAwait(false))
        {
            Log(BuildLogLevel.Info, $"LXD already has image {image.Fingerprint[..12]}; only setting the alias");
            return;
        }
        // The streams count each read; the phase takes the running total of both files.
        long uploaded = 0;
        var sent = new InlineProgress<long>(read => phase.Report(uploaded += read));
        using var content = Content(image, sent);
        var status = new InlineProgress<string>(line => Log(BuildLogLevel.Debug, $"LXD: {line}"));
        var fingerprint = await client.UploadImageAsync(content, status, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(fingerprint, image.Fingerprint, StringComparison.Ordinal))
        {
            throw new LxdException($"LXD stored fingerprint {fingerprint}, expected {image.Fingerprint}", 500);
        }
    }

    /// <summary>
    /// The unified tarball is the request body as it is; the split form is multipart with the parts
    /// <c>metadata</c> then <c>rootfs</c>, the order and names LXD's image upload handler insists on.
    /// </summary>
    private static HttpContent Content(LxdImage image, IProgress<long> sent)
    {
        if (image.Unified)
        {
            var body = FilePart(image.Files[0], sent);
            body.Headers.Add("X-LXD-filename", Path.GetFileName(image.Files[0]));
            return body;
        }
        var form = new MultipartFormDataContent();
        form.Add(FilePart(image.Files[0], sent), "metadata", Path.GetFileName(image.Files[0]));
        form.Add(FilePart(image.Files[1], sent), "rootfs", Path.GetFileName(image.Files[1]));
        return form;
    }

    private static StreamContent FilePart(string path, IProgress<long> sent)
    {
        var stream = new ProgressReadStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous), sent);
        var part = new StreamContent(stream, 1 << 20);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return part;
    }

    private void Log(BuildLogLevel level, string message) => progress.Report(new LogMessage(level, message, LxdTarget.TargetName));
}
