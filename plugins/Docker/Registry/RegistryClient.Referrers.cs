using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Boxer.Abstractions;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker.Registry;

/// <summary>
/// OCI 1.1 referrers (distribution-spec 1.1, "Pushing manifests with subject"): the referrer's blobs, then its
/// manifest by digest. A registry that answers with an <c>OCI-Subject</c> header lists it in its referrers
/// API itself; for one that does not (Debian's docker-registry 2.8) the client keeps the fallback, an image
/// index tagged <c>sha256-&lt;hex of the subject&gt;</c>, read, extended and put back.
/// </summary>
public sealed partial class RegistryClient
{
    /// <summary>Pushes <paramref name="referrer"/> and makes it findable from its subject.</summary>
    public async Task PushReferrerAsync(SbomReferrer referrer, IProgress<string>? log, CancellationToken cancellationToken)
    {
        foreach (var (descriptor, bytes) in new[] { (SbomReferrer.EmptyConfigDescriptor, SbomReferrer.EmptyConfig), (referrer.Document, referrer.Content) })
        {
            if (!await BlobExistsAsync(descriptor, cancellationToken).ConfigureAwait(false))
            {
                using var content = new MemoryStream(bytes, writable: false);
                await UploadBlobAsync(descriptor, content, cancellationToken).ConfigureAwait(false);
            }
        }
        var manifest = referrer.ManifestDescriptor.Descriptor;
        bool listed;
        using (var response = await SendAsync(HttpMethod.Put, ManifestUri(manifest.Digest), Body(referrer.Manifest, MediaTypes.Manifest), cancellationToken).ConfigureAwait(false))
        {
            await EnsureAsync(response, "putting the SBOM referrer", cancellationToken).ConfigureAwait(false);
            listed = response.Headers.Contains("OCI-Subject");
        }
        if (!listed)
        {
            await AddToReferrersTagAsync(referrer, cancellationToken).ConfigureAwait(false);
        }
        log?.Report($"SBOM {referrer.ManifestDescriptor.ArtifactType} pushed as referrer {manifest.Digest} of {referrer.Subject.Digest}"
            + (listed ? "" : $" (tag {ReferrersTag(referrer.Subject.Digest)})"));
    }

    /// <summary>The fallback tag of the referrers tag schema: the subject's digest with <c>:</c> as <c>-</c>.</summary>
    public static string ReferrersTag(string subjectDigest) => subjectDigest.Replace(':', '-');

    /// <summary>
    /// The referrers of <paramref name="subjectDigest"/> as an image index: from the referrers API where the
    /// registry has it, else from the fallback tag; an empty index when there are none.
    /// </summary>
    public async Task<JsonObject> ReferrersAsync(string subjectDigest, CancellationToken cancellationToken)
    {
        using (var api = await GetAsync($"v2/{_reference.Repository}/referrers/{subjectDigest}", MediaTypes.Index, cancellationToken).ConfigureAwait(false))
        {
            if (api.IsSuccessStatusCode && api.Content.Headers.ContentType?.MediaType == MediaTypes.Index)
            {
                return await IndexAsync(api, cancellationToken).ConfigureAwait(false);
            }
        }
        return await ReadReferrersTagAsync(subjectDigest, cancellationToken).ConfigureAwait(false) ?? EmptyIndex();
    }

    private async Task AddToReferrersTagAsync(SbomReferrer referrer, CancellationToken cancellationToken)
    {
        var index = await ReadReferrersTagAsync(referrer.Subject.Digest, cancellationToken).ConfigureAwait(false) ?? EmptyIndex();
        var manifests = index["manifests"] as JsonArray ?? [];
        index["manifests"] = manifests;
        string digest = referrer.ManifestDescriptor.Descriptor.Digest;
        foreach (var stale in manifests.Where(m => m?["digest"]?.GetValue<string>() == digest).ToList())
        {
            manifests.Remove(stale);
        }
        manifests.Add(referrer.ManifestDescriptor.ToJson());
        byte[] bytes = SbomReferrer.Json(json => index.WriteTo(json));
        using var response = await SendAsync(HttpMethod.Put, ManifestUri(ReferrersTag(referrer.Subject.Digest)), Body(bytes, MediaTypes.Index), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "putting the referrers index", cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject?> ReadReferrersTagAsync(string subjectDigest, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(ManifestUri(ReferrersTag(subjectDigest)), MediaTypes.Index, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureAsync(response, "reading the referrers index", cancellationToken).ConfigureAwait(false);
        return await IndexAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> IndexAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) as JsonObject
                ?? throw new System.Text.Json.JsonException("not an object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new TargetException(TargetName, $"registry {_reference.Registry} sent a referrers index that is not JSON: {e.Message}", e);
        }
    }

    private static JsonObject EmptyIndex() => new()
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = MediaTypes.Index,
        ["manifests"] = new JsonArray(),
    };

    private string ManifestUri(string reference) => $"v2/{_reference.Repository}/manifests/{reference}";

    private static ByteArrayContent Body(byte[] bytes, string mediaType)
    {
        var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return body;
    }

    /// <summary>A GET with an <c>Accept</c> header, authenticated as every request is.</summary>
    private async Task<HttpResponseMessage> GetAsync(string uri, string accept, CancellationToken cancellationToken)
    {
        try
        {
            if (!_authenticated)
            {
                _authorization = await RegistryAuthenticator.AuthenticateAsync(_http, _reference.Repository, _credentials, cancellationToken).ConfigureAwait(false);
                _authenticated = true;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = _authorization;
            request.Headers.Accept.ParseAdd(accept);
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TargetException(TargetName, $"registry {_http.BaseAddress!.Authority} not reachable: {e.Message}", e);
        }
    }
}
