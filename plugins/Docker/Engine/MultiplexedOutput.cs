using System.Buffers.Binary;
using System.Text;

namespace Boxer.Targets.Docker.Engine;

/// <summary>
/// The Engine API's multiplexed stream (exec and logs without a terminal), split back into stdout and stderr:
/// frames of an 8-byte header (stream 1 or 2, three zero bytes, big-endian payload length) and the payload.
/// </summary>
/// <param name="Stdout">Every stdout frame, in order.</param>
/// <param name="Stderr">Every stderr frame, in order.</param>
public sealed record MultiplexedOutput(string Stdout, string Stderr)
{
    private const int HeaderSize = 8;
    private const byte StderrStream = 2;

    /// <summary>Reads frames until the stream ends.</summary>
    public static async Task<MultiplexedOutput> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var header = new byte[HeaderSize];
        while (await stream.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == HeaderSize)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            var payload = new byte[length];
            await stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
            (header[0] == StderrStream ? stderr : stdout).Write(payload);
        }
        return new MultiplexedOutput(Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
