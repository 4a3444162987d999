using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Boxer.Core.Import;

namespace Boxer.Core.Sbom;

/// <summary>
/// Reads an image's SBOM referrer from a registry, anonymously, with the distribution API only: the manifest
/// by tag (for its digest), then the referrers API (<c>GET /v2/NAME/referrers/DIGEST</c>) or, where the
/// registry lacks it, the <c>sha256-&lt;hex&gt;</c> tag, then the referrer and its document blob. Loopback
/// registries are spoken to over plain HTTP, all others over HTTPS. A bearer challenge is answered with an
/// anonymous token.
/// </summary>
public sealed class RegistrySbomReader : IDisposable
{
    private const string IndexType = "application/vnd.oci.image.index.v1+json";
    private const string ManifestTypes = "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, "
        + "application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json";

    private readonly HttpClient _http;
    private readonly string _repository;
    private readonly string _tag;
    private readonly string _display;
    private AuthenticationHeaderValue? _token;

    /// <summary>Prepares to read <paramref name="reference"/>, written as for <c>--tag</c>: <c>HOST[:PORT]/NAME[:TAG]</c>.</summary>
    public RegistrySbomReader(string reference, HttpMessageHandler? handler = null)
    {
        _display = reference;
        int slash = reference.IndexOf('/');
        string first = slash < 0 ? "" : reference[..slash];
        bool hasHost = first.Contains('.') || first.Contains(':') || first == "localhost";
        string host = hasHost ? first : "registry-1.docker.io";
        string path = hasHost ? reference[(slash + 1)..] : reference;
        int colon = path.LastIndexOf(':');
        (_repository, _tag) = colon > path.LastIndexOf('/') ? (path[..colon], path[(colon + 1)..]) : (path, "latest");
        if (!hasHost && !_repository.Contains('/'))
        {
            _repository = "library/" + _repository;
        }
        string hostName = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        bool loopback = hostName == "localhost" || (IPAddress.TryParse(hostName.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = new Uri($"{(loopback ? "http" : "https")}://{host}/"),
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>The SBOM document's bytes.</summary>
    /// <exception cref="StageException">The image or its SBOM is not there, or the registry cannot be read.</exception>
    public async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (manifest, digest) = await GetAsync($"manifests/{_tag}", ManifestTypes, cancellationToken).ConfigureAwait(false);
            string subject = digest ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
            byte[] index = await ReferrersAsync(subject, cancellationToken).ConfigureAwait(false)
                ?? throw new StageException($"{_display}: the registry lists no referrer of {subject}");
            string referrer = StoredSbomReader.ReferrerDigest(index)
                ?? throw new StageException($"{_display}: no SBOM among the referrers of {subject}");
            var (referrerManifest, _) = await GetAsync($"manifests/{referrer}", ManifestTypes, cancellationToken).ConfigureAwait(false);
            var (document, _) = await GetAsync($"blobs/{StoredSbomReader.FirstLayerDigest(referrerManifest)}", "*/*", cancellationToken).ConfigureAwait(false);
            return document;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StageException($"{_display}: {e.Message}", inner: e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<byte[]?> ReferrersAsync(string subject, CancellationToken cancellationToken)
    {
        using (var api = await SendAsync($"referrers/{subject}", IndexType, cancellationToken).ConfigureAwait(false))
        {
            if (api.IsSuccessStatusCode && api.Content.Headers.ContentType?.MediaType == IndexType)
            {
                return await api.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        using var tag = await SendAsync($"manifests/{subject.Replace(':', '-')}", IndexType, cancellationToken).ConfigureAwait(false);
        return tag.IsSuccessStatusCode ? await tag.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : null;
    }

    private async Task<(byte[] Bytes, string? Digest)> GetAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, accept, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new StageException($"{_display}: registry answered {(int)response.StatusCode} for {path}");
        }
        string? digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), digest);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string accept, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(path, accept, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _token is not null
            || response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme == "Bearer") is not { Parameter: { } challenge })
        {
            return response;
        }
        response.Dispose();
        _token = await AnonymousTokenAsync(challenge, cancellationToken).ConfigureAwait(false);
        return await SendOnceAsync(path, accept, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{_repository}/{path}");
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Authorization = _token;
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>realm="…",service="…",scope="…"</c> → GET realm?service&amp;scope → <c>{"token": …}</c>.</summary>
    private async Task<AuthenticationHeaderValue> AnonymousTokenAsync(string challenge, CancellationToken cancellationToken)
    {
        var fields = challenge.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"'), StringComparer.OrdinalIgnoreCase);
        string realm = fields.GetValueOrDefault("realm") ?? throw new InvalidDataException("the registry's bearer challenge names no realm");
        string query = string.Join('&', new[] { "service", "scope" }.Where(fields.ContainsKey).Select(k => $"{k}={Uri.EscapeDataString(fields[k])}"));
        string json = await _http.GetStringAsync(query.Length > 0 ? $"{realm}?{query}" : realm, cancellationToken).ConfigureAwait(false);
        using var token = JsonDocument.Parse(json);
        string value = (token.RootElement.TryGetProperty("token", out var t) ? t : token.RootElement.GetProperty("access_token")).GetString()!;
        return new AuthenticationHeaderValue("Bearer", value);
    }
}
