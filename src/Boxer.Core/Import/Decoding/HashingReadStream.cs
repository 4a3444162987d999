using System.Security.Cryptography;

namespace Boxer.Core.Import.Decoding;

/// <summary>
/// Reads the compressed input once, hashing it (SHA-256) and reporting progress as it goes. A read error here
/// is the stage3's fault (bad input, exit 3), unlike a write error on the spool or an output (exit 4), so it
/// becomes a <see cref="StageException"/> naming <paramref name="path"/>.
/// </summary>
internal sealed class HashingReadStream(Stream inner, string path, Action<long> progress) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (IOException e)
        {
            throw StageImporter.ReadFailed(path, e);
        }
        _hash.AppendData(buffer[..n]);
        BytesRead += n;
        progress(BytesRead);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n;
        try
        {
            n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw StageImporter.ReadFailed(path, e);
        }
        _hash.AppendData(buffer.Span[..n]);
        BytesRead += n;
        progress(BytesRead);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads whatever the decoder left unread, so the hash covers the whole file.</summary>
    public void ReadToEnd()
    {
        var buffer = new byte[1 << 20];
        while (Read(buffer) > 0)
        {
        }
    }

    /// <summary>The lowercase hex SHA-256 of every byte read.</summary>
    public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
