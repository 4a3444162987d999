using Microsoft.Win32.SafeHandles;

namespace Boxer.Core.Tree;

/// <summary>
/// One temp file holding the content of every imported file, back to back. The file is unlinked right
/// after it is opened, so nothing is left behind even on SIGKILL; the kernel frees it when the handle
/// closes. Written sequentially by one importer through a buffer; read with positional reads, so any number
/// of readers can read concurrently. Reference-counted: each tree clone and each open stream holds a reference.
/// Being unlinked, it is invisible to <c>du</c> and <c>ls</c> (<c>df</c> sees it); a full disk stops the
/// import with a <see cref="SpoolFullException"/>.
/// </summary>
internal sealed class ContentSpool
{
    private const int WriteBufferSize = 1 << 20;

    private readonly SafeFileHandle _handle;
    private readonly Lock _lock = new();
    private byte[]? _buffer = new byte[WriteBufferSize];
    private int _buffered;
    private long _flushed;
    private int _references = 1;

    private const int ErrorDiskFull = 28;
    private const int ErrorQuota = 122;

    private readonly string _directory;

    private ContentSpool(SafeFileHandle handle, string directory) => (_handle, _directory) = (handle, directory);

    /// <summary>Bytes written so far (flushed or buffered).</summary>
    public long Length => _flushed + _buffered;

    public bool IsClosed => Volatile.Read(ref _references) <= 0;

    /// <summary>Creates the spool file in <paramref name="directory"/> (the temp directory when null) and unlinks it.</summary>
    public static ContentSpool Create(string? directory = null)
    {
        directory ??= Path.GetTempPath();
        var path = Path.Combine(directory, $"boxer-spool-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            File.Delete(path);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        return new ContentSpool(handle, Path.GetFullPath(directory));
    }

    /// <summary>Appends bytes; returns the offset they start at.</summary>
    public long Append(ReadOnlySpan<byte> data)
    {
        long offset = Length;
        var buffer = _buffer ?? throw new InvalidOperationException("the spool was sealed");
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, buffer.Length - _buffered);
            data[..n].CopyTo(buffer.AsSpan(_buffered));
            _buffered += n;
            data = data[n..];
            if (_buffered == buffer.Length)
            {
                Flush();
            }
        }
        return offset;
    }

    /// <summary>Writes out what is buffered and frees the buffer: the spool is read-only from now on.</summary>
    public void Seal()
    {
        Flush();
        _buffer = null;
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes at <paramref name="offset"/>.</summary>
    public int Read(long offset, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        if (offset + destination.Length > _flushed)
        {
            Flush();
        }
        return RandomAccess.Read(_handle, destination, offset);
    }

    public void AddReference()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_references <= 0, this);
            _references++;
        }
    }

    /// <summary>Drops a reference; the last one closes the file, which frees its disk space.</summary>
    public void Release()
    {
        lock (_lock)
        {
            if (_references <= 0)
            {
                return;
            }
            if (--_references == 0)
            {
                _handle.Dispose();
            }
        }
    }

    private void Flush()
    {
        if (_buffered == 0 || _buffer is null)
        {
            return;
        }
        try
        {
            RandomAccess.Write(_handle, _buffer.AsSpan(0, _buffered), _flushed);
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) is ErrorDiskFull or ErrorQuota)
        {
            throw new SpoolFullException(_directory, e);
        }
        _flushed += _buffered;
        _buffered = 0;
    }
}
