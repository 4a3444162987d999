using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker.Registry;

/// <summary>
/// Pushes an image with the distribution protocol, transport only: <c>HEAD</c> each blob (present: skip),
/// else <c>POST …/blobs/uploads/</c> → <c>Location</c>, <c>PATCH</c> the bytes streamed, <c>PUT ?digest=</c>;
/// then <c>PUT …/manifests/&lt;tag&gt;</c>. Needs no Docker engine.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private const string TargetName = "docker";

    private readonly HttpClient _http;
    private readonly ImageReference _reference;
    private readonly RegistryCredentials? _credentials;
    private AuthenticationHeaderValue? _authorization;
    private bool _authenticated;

    public RegistryClient(ImageReference reference, RegistryCredentials? credentials, bool insecure, HttpMessageHandler? handler = null)
    {
        _reference = reference;
        _credentials = credentials;
        var baseAddress = new Uri($"{(insecure ? "http" : "https")}://{reference.ApiHost}/");
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Pushes config, layer and manifest, in the order a registry needs them; the manifest under the tag.</summary>
    public Task<PushResult> PushAsync(ImageDocuments image, IProgress<string>? log, CancellationToken cancellationToken) =>
        PushAsync(image, _reference.Tag, log, cancellationToken);

    /// <summary>
    /// Pushes every platform's image (its manifest by digest, as an index refers to it), then the index under
    /// the tag. Blobs the registry has (a layer shared with an earlier push) are skipped after a <c>HEAD</c>.
    /// </summary>
    public async Task<PushResult> PushIndexAsync(ImageIndex index, IProgress<string>? log, CancellationToken cancellationToken)
    {
        int uploaded = 0;
        int skipped = 0;
        foreach (var image in index.Images)
        {
            var pushed = await PushAsync(image.Documents, image.Documents.ManifestDescriptor.Digest, log, cancellationToken).ConfigureAwait(false);
            (uploaded, skipped) = (uploaded + pushed.UploadedBlobs, skipped + pushed.SkippedBlobs);
        }
        string digest = await PutManifestAsync(index.Bytes, MediaTypes.Index, _reference.Tag, index.Descriptor.Digest, "putting the index", cancellationToken).ConfigureAwait(false);
        return new PushResult(digest, uploaded, skipped);
    }

    private async Task<PushResult> PushAsync(ImageDocuments image, string manifestReference, IProgress<string>? log, CancellationToken cancellationToken)
    {
        int uploaded = 0;
        int skipped = 0;
        string layerPath = image.Layer.FilePath ?? throw new ArgumentException("the layer has no file to upload", nameof(image));
        foreach (var (descriptor, open) in new (Descriptor, Func<Stream>)[]
        {
            (image.Layer.Descriptor, () => File.OpenRead(layerPath)),
            (image.ConfigDescriptor, () => new MemoryStream(image.Config, writable: false)),
        })
        {
            if (await BlobExistsAsync(descriptor, cancellationToken).ConfigureAwait(false))
            {
                log?.Report($"blob {descriptor.Digest} already in {_reference.Registry}, skipped");
                skipped++;
                continue;
            }
            using var content = open();
            await UploadBlobAsync(descriptor, content, cancellationToken).ConfigureAwait(false);
            log?.Report($"blob {descriptor.Digest} uploaded ({descriptor.Size} bytes)");
            uploaded++;
        }
        string digest = await PutManifestAsync(
            image.Manifest, MediaTypes.Manifest, manifestReference, image.ManifestDescriptor.Digest, "putting the manifest", cancellationToken).ConfigureAwait(false);
        return new PushResult(digest, uploaded, skipped);
    }

    public async Task<bool> BlobExistsAsync(Descriptor blob, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, $"v2/{_reference.Repository}/blobs/{blob.Digest}", null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        await EnsureAsync(response, $"checking blob {blob.Digest}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task UploadBlobAsync(Descriptor blob, Stream content, CancellationToken cancellationToken)
    {
        string what = $"uploading blob {blob.Digest}";
        Uri location;
        using (var started = await SendAsync(HttpMethod.Post, $"v2/{_reference.Repository}/blobs/uploads/", null, cancellationToken).ConfigureAwait(false))
        {
            await EnsureAsync(started, what, cancellationToken).ConfigureAwait(false);
            location = Location(started, what);
        }
        var body = new StreamContent(content, 1 << 20);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = blob.Size;
        using (var patched = await SendAsync(HttpMethod.Patch, location.ToString(), body, cancellationToken).ConfigureAwait(false))
        {
            await EnsureAsync(patched, what, cancellationToken).ConfigureAwait(false);
            location = Location(patched, what);
        }
        string separator = location.ToString().Contains('?') ? "&" : "?";
        using var done = await SendAsync(HttpMethod.Put, $"{location}{separator}digest={Uri.EscapeDataString(blob.Digest)}", null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(done, what, cancellationToken).ConfigureAwait(false);
    }

    public Task<string> PutManifestAsync(ImageDocuments image, CancellationToken cancellationToken) =>
        PutManifestAsync(image.Manifest, MediaTypes.Manifest, _reference.Tag, image.ManifestDescriptor.Digest, "putting the manifest", cancellationToken);

    /// <summary>Puts a manifest or index document under <paramref name="reference"/> (a tag or its digest); returns the digest the registry serves it under.</summary>
    public async Task<string> PutManifestAsync(
        byte[] document, string mediaType, string reference, string digest, string what, CancellationToken cancellationToken)
    {
        var body = new ByteArrayContent(document);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await SendAsync(HttpMethod.Put, $"v2/{_reference.Repository}/manifests/{reference}", body, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, what, cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : digest;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, HttpContent? content, CancellationToken cancellationToken)
    {
        try
        {
            await AuthenticateOnceAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, uri) { Content = content };
            request.Headers.Authorization = _authorization;
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TargetException(TargetName, $"registry {_http.BaseAddress!.Authority} not reachable: {e.Message}", e);
        }
    }

    private async Task AuthenticateOnceAsync(CancellationToken cancellationToken)
    {
        if (!_authenticated)
        {
            _authorization = await RegistryAuthenticator.AuthenticateAsync(_http, _reference.Repository, _credentials, cancellationToken).ConfigureAwait(false);
            _authenticated = true;
        }
    }

    private Uri Location(HttpResponseMessage response, string what) =>
        response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(_http.BaseAddress!, location)
            : throw new TargetException(TargetName, $"registry {_reference.Registry} sent no Location while {what}");

    private async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string errors = await ErrorsAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw RegistryAuthenticator.Refused(_http, $"{(int)response.StatusCode} while {what}{errors} (wrong credentials?)");
        }
        throw new TargetException(TargetName, $"registry {_reference.Registry} answered {(int)response.StatusCode} while {what}{errors}");
    }

    /// <summary>The spec's error body: <c>{"errors":[{"code":"DIGEST_INVALID","message":"…"}]}</c>.</summary>
    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var codes = json.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("code").GetString()}: {e.GetProperty("message").GetString()}");
            return ": " + string.Join("; ", codes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "";
        }
    }
}
