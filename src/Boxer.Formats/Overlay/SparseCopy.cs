namespace Boxer.Formats.Overlay;

/// <summary>
/// Copies a mostly empty image (a fresh ext3 file system is a few MiB of metadata in a file of its full size)
/// by seeking over whole blocks of zeros instead of writing them, so the destination file keeps the holes and
/// a 4 GiB overlay costs a few MiB of disk and of writing. Readers see the same bytes either way.
/// </summary>
public static class SparseCopy
{
    private const int BlockSize = 1 << 16;

    /// <summary>Copies <paramref name="source"/> from its position to its end into <paramref name="destination"/>.</summary>
    /// <param name="source">What to copy.</param>
    /// <param name="destination">A seekable stream, written from its position; ends positioned after the copy.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The task.</returns>
    public static async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = new byte[BlockSize];
        int read;
        while ((read = await ReadBlockAsync(source, buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                destination.Seek(read, SeekOrigin.Current);
            }
        }
        // A trailing hole was only seeked over: the file must still reach this far.
        if (destination.Length < destination.Position)
        {
            destination.SetLength(destination.Position);
        }
    }

    private static async Task<int> ReadBlockAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = await source.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }
}
