using System.Net.Http.Headers;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Signing;

namespace Boxer.Targets.Docker.Registry;

/// <summary>Storing a cosign-style signature: its two blobs, then its manifest under <c>sha256-&lt;hex&gt;.sig</c>.</summary>
public sealed partial class RegistryClient
{
    /// <summary>Pushes the signature of <paramref name="manifestDigest"/>.</summary>
    /// <returns>The tag the signature is stored under.</returns>
    internal async Task<string> PushSignatureAsync(string manifestDigest, CosignSignatureManifest signature, CancellationToken cancellationToken)
    {
        foreach (var (descriptor, bytes) in new[] { (signature.PayloadDescriptor, signature.Payload), (signature.ConfigDescriptor, signature.Config) })
        {
            if (!await BlobExistsAsync(descriptor, cancellationToken).ConfigureAwait(false))
            {
                await UploadBlobAsync(descriptor, new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
            }
        }
        string tag = CosignPayload.SignatureTag(manifestDigest);
        var body = new ByteArrayContent(signature.Manifest);
        body.Headers.ContentType = new MediaTypeHeaderValue(MediaTypes.Manifest);
        using var response = await SendAsync(HttpMethod.Put, $"v2/{_reference.Repository}/manifests/{tag}", body, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "putting the signature manifest", cancellationToken).ConfigureAwait(false);
        return tag;
    }
}
