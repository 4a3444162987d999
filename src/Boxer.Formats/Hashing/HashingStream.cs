using System.Security.Cryptography;

namespace Boxer.Formats.Hashing;

/// <summary>
/// A write-only stream that passes every byte on to an inner stream while hashing it with SHA-256 and
/// counting it, so a blob's digest and size are known the moment it has been written (no second pass).
/// </summary>
public sealed class HashingStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _digest;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="leaveOpen"/> keeps it open on dispose.</summary>
    public HashingStream(Stream inner, bool leaveOpen = false)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Ends hashing and returns the SHA-256 of everything written; further writes are refused.</summary>
    public byte[] GetHash() => _digest ??= _hash.GetHashAndReset();

    /// <summary>The digest in OCI form: <c>sha256:&lt;lowercase hex&gt;</c>; ends hashing like <see cref="GetHash"/>.</summary>
    public string Digest => "sha256:" + Convert.ToHexStringLower(GetHash());

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => BytesWritten;

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Account(buffer);
        _inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Account(buffer.Span);
        await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<byte> buffer)
    {
        if (_digest is not null)
        {
            throw new InvalidOperationException("The hash was already taken; nothing more may be written.");
        }
        _hash.AppendData(buffer);
        BytesWritten += buffer.Length;
    }
}
