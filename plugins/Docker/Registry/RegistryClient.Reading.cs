using System.Net;
using System.Net.Http.Headers;
using Boxer.Targets.Docker.Image;

namespace Boxer.Targets.Docker.Registry;

/// <summary>Reading what a registry holds (a manifest, a config blob), and mounting a blob from another repository.</summary>
public sealed partial class RegistryClient
{
    /// <summary>The manifest types <see cref="GetManifestAsync"/> accepts: a single-platform image, OCI or Docker's.</summary>
    private static readonly string[] ImageManifestTypes = [MediaTypes.Manifest, "application/vnd.docker.distribution.manifest.v2+json"];

    /// <summary>The manifest <paramref name="reference"/> (a tag or digest) of <paramref name="repository"/>, as the registry stores it.</summary>
    public async Task<(byte[] Bytes, Descriptor Descriptor)> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
        ImageManifestTypes.ToList().ForEach(t => request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(t)));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, $"reading the manifest {repository}:{reference}", cancellationToken).ConfigureAwait(false);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypes.Manifest;
        if (!ImageManifestTypes.Contains(mediaType))
        {
            throw new Abstractions.TargetException(TargetName, $"{repository}:{reference} is a {mediaType}, not a single-platform image");
        }
        return (bytes, Descriptor.Of(mediaType, bytes));
    }

    /// <summary>A (small) blob's bytes, e.g. an image config.</summary>
    public async Task<byte[]> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/blobs/{digest}");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, $"reading blob {digest} of {repository}", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes <paramref name="digest"/> of <paramref name="fromRepository"/> present in this client's repository
    /// without sending its bytes (a cross-repository mount); skipped when it is there already.
    /// </summary>
    public async Task MountBlobAsync(string digest, string fromRepository, CancellationToken cancellationToken)
    {
        if (await BlobExistsAsync(new Descriptor("", digest, 0), cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        string what = $"mounting blob {digest} from {fromRepository}";
        string uri = $"v2/{_reference.Repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}";
        using var response = await SendAsync(HttpMethod.Post, uri, null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, what, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            // 202: the registry started an upload instead of mounting; boxer has no bytes to send.
            throw new Abstractions.TargetException(TargetName, $"registry {_reference.Registry} would not mount blob {digest} from {fromRepository}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            await AuthenticateOnceAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = _authorization;
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new Abstractions.TargetException(TargetName, $"registry {_http.BaseAddress!.Authority} not reachable: {e.Message}", e);
        }
    }
}
