using System.Buffers;
using Boxer.Abstractions;

namespace Boxer.Formats.Tar;

/// <summary>
/// A deterministic PAX tar writer that keeps every piece of <see cref="FsEntry"/> metadata: owners and their
/// names, modes with setuid/setgid/sticky, device numbers, FIFOs, symlinks, hard links and raw-byte xattrs.
/// Headers depend only on the entries (no PIDs, host names or clocks), so the same tree gives the same
/// bytes, and <see cref="MeasureTree"/> gives the archive's exact size before writing it. Content is streamed
/// in 1 MiB pieces; nothing is buffered whole. The writer does not own <c>output</c>.
/// </summary>
public sealed partial class TarWriter
{
    private const int CopyBufferSize = 1 << 20;
    private const string WhiteoutPrefix = ".wh.";

    private readonly Stream _output;
    private readonly TarWriterOptions _options;

    /// <summary>Creates a writer onto <paramref name="output"/>.</summary>
    public TarWriter(Stream output, TarWriterOptions? options = null)
    {
        _output = output;
        _options = options ?? TarWriterOptions.Default;
    }

    /// <summary>The bytes written so far.</summary>
    public long Position { get; private set; }

    /// <summary>Writes one entry without content (directory, link, device, FIFO, or an empty file).</summary>
    public Task WriteEntryAsync(FsEntry entry, CancellationToken cancellationToken) =>
        WriteEntryAsync(entry, (Stream?)null, cancellationToken);

    /// <summary>Writes one entry; a <see cref="EntryKind.File"/> with a size needs exactly that many bytes of <paramref name="content"/>.</summary>
    public async Task WriteEntryAsync(FsEntry entry, Stream? content, CancellationToken cancellationToken)
    {
        await WriteHeaderAsync(entry, cancellationToken).ConfigureAwait(false);
        if (entry.Kind == EntryKind.File && entry.Size > 0)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content), $"/{entry.Path} has {entry.Size} bytes of content");
            }
            await CopyExactlyAsync(entry, content, cancellationToken).ConfigureAwait(false);
            await PadAsync(entry.Size, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes a file entry whose content <paramref name="produce"/> writes straight into the archive, e.g. an
    /// inner tar being generated; it must write exactly <see cref="FsEntry.Size"/> bytes.
    /// </summary>
    public async Task WriteEntryAsync(FsEntry entry, Func<Stream, CancellationToken, Task> produce, CancellationToken cancellationToken)
    {
        await WriteHeaderAsync(entry, cancellationToken).ConfigureAwait(false);
        var counter = new Hashing.HashingStream(_output, leaveOpen: true);
        await using (counter.ConfigureAwait(false))
        {
            await produce(counter, cancellationToken).ConfigureAwait(false);
            if (counter.BytesWritten != entry.Size)
            {
                throw new TarFormatException($"content was {counter.BytesWritten} bytes, not the {entry.Size} announced", entry.Path);
            }
        }
        Position += entry.Size;
        await PadAsync(entry.Size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the archive with two zero blocks and flushes.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(new byte[TarLayout.BlockSize * TarLayout.EndBlocks], cancellationToken).ConfigureAwait(false);
        Position += TarLayout.BlockSize * TarLayout.EndBlocks;
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteHeaderAsync(FsEntry entry, CancellationToken cancellationToken)
    {
        CheckName(entry);
        byte[] header = TarHeaderEncoder.Encode(entry, _options);
        await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        Position += header.Length;
    }

    private void CheckName(FsEntry entry)
    {
        if (_options.RefuseWhiteoutNames && entry.Name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            throw new TarFormatException("a name starting with .wh. would be an overlay whiteout in a layer", entry.Path);
        }
    }

    private async Task CopyExactlyAsync(FsEntry entry, Stream content, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long left = entry.Size;
            while (left > 0)
            {
                int read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new TarFormatException($"content ended {left} bytes before its size of {entry.Size}", entry.Path);
                }
                await _output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                left -= read;
            }
            Position += entry.Size;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task PadAsync(long size, CancellationToken cancellationToken)
    {
        int padding = (int)(TarLayout.Padded(size) - size);
        if (padding > 0)
        {
            await _output.WriteAsync(new byte[padding], cancellationToken).ConfigureAwait(false);
            Position += padding;
        }
    }
}
