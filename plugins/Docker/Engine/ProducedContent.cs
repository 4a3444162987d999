using System.Net;
using System.Net.Http.Headers;

namespace Boxer.Targets.Docker.Engine;

/// <summary>A request body generated while it is sent: the producer writes straight into the connection.</summary>
internal sealed class ProducedContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _produce;
    private readonly long? _length;

    /// <summary>A body of <paramref name="length"/> bytes (null: sent chunked) of type <paramref name="mediaType"/>.</summary>
    public ProducedContent(Func<Stream, CancellationToken, Task> produce, long? length, string mediaType)
    {
        _produce = produce;
        _length = length;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _produce(stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _produce(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
