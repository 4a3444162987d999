using System.Text;

namespace Boxer.Core.Import.Tar;

/// <summary>
/// Reads tar members one by one: POSIX ustar, GNU long names and links (L/K), PAX local and global
/// headers. Every failure is a <see cref="StageException"/> naming the problem, the entry and the offset.
/// Call <see cref="CopyContent"/> or <see cref="SkipContent"/> for each entry before the next.
/// </summary>
internal sealed class TarReader(TarBlockSource source)
{
    private const int MaxExtendedHeader = 16 << 20;

    private readonly byte[] _block = new byte[TarBlockSource.BlockSize];
    private readonly PaxAttributes _global = new();

    /// <summary>The next entry, or null at the end-of-archive marker.</summary>
    public TarEntry? Next()
    {
        byte[]? longName = null, longLink = null;
        PaxAttributes? local = null;
        while (true)
        {
            long offset = source.Position;
            var header = ReadHeader(offset, pending: longName is not null || local is not null);
            if (header is not { } h)
            {
                return null;
            }
            switch ((char)h.TypeFlag)
            {
                case 'L': longName = TrimNul(ReadData(h, offset)); break;
                case 'K': longLink = TrimNul(ReadData(h, offset)); break;
                case 'x': ApplyPax(local ??= new PaxAttributes(), h, offset); break;
                case 'g': ApplyPax(_global, h, offset); break;
                case 'V': Skip(ExtensionSize(h, offset), h.DisplayName, offset); break;
                default:
                    return TarEntryBuilder.Build(h, longName, longLink, (local ?? new PaxAttributes()).Over(_global), offset);
            }
        }
    }

    /// <summary>Hands a file's content to <paramref name="sink"/>, then skips the block padding.</summary>
    public void CopyContent(TarEntry entry, SpanSink sink)
    {
        try
        {
            source.Copy(entry.Size, sink);
            source.Skip(Padding(entry.Size));
        }
        catch (EndOfStreamException)
        {
            throw Truncated(entry.Path, entry.HeaderOffset);
        }
    }

    public void SkipContent(TarEntry entry) => Skip(entry.Size, entry.Path, entry.HeaderOffset);

    private TarHeader? ReadHeader(long offset, bool pending)
    {
        try
        {
            if (!source.TryReadBlock(_block))
            {
                throw new StageException(
                    offset == 0 ? "the archive is empty" : "truncated archive: it ends without the end-of-archive blocks",
                    null, offset);
            }
        }
        catch (EndOfStreamException)
        {
            throw new StageException("truncated archive: it ends inside a header block", null, offset);
        }
        if (TarHeader.IsZeroBlock(_block))
        {
            return pending
                ? throw new StageException("truncated archive: an extended header has no entry after it", null, offset)
                : null;
        }
        if (!TarHeader.HasValidChecksum(_block))
        {
            throw new StageException(
                offset == 0 ? "not a tar archive: the first header's checksum does not match" : "bad header checksum",
                offset == 0 ? null : Encoding.UTF8.GetString(_block.AsSpan(0, 100)).TrimEnd('\0'), offset);
        }
        var header = TarHeaderParser.Parse(_block, out var badField);
        return badField is null
            ? header
            : throw new StageException($"bad {badField} field in the header", header.DisplayName, offset);
    }

    private byte[] ReadData(TarHeader header, long offset)
    {
        if (ExtensionSize(header, offset) > MaxExtendedHeader)
        {
            throw new StageException($"extended header of {header.Size} bytes is implausibly large", header.DisplayName, offset);
        }
        var data = new byte[header.Size];
        try
        {
            source.Read(data);
            source.Skip(Padding(header.Size));
        }
        catch (EndOfStreamException)
        {
            throw Truncated(header.DisplayName, offset);
        }
        return data;
    }

    private void ApplyPax(PaxAttributes into, TarHeader header, long offset)
    {
        var data = ReadData(header, offset);
        try
        {
            into.Apply(data);
        }
        catch (FormatException e)
        {
            throw new StageException(e.Message, header.DisplayName, offset);
        }
    }

    private void Skip(long size, string entry, long offset)
    {
        try
        {
            // Two steps: size + padding overflows for a size near long.MaxValue (base-256 allows it).
            source.Skip(size);
            source.Skip(Padding(size));
        }
        catch (EndOfStreamException)
        {
            throw Truncated(entry, offset);
        }
    }

    // Entries check their own size after PAX has had its say; extension headers have no PAX over them.
    private static long ExtensionSize(TarHeader header, long offset) =>
        header.Size >= 0 ? header.Size : throw new StageException($"negative size {header.Size}", header.DisplayName, offset);

    private static long Padding(long size) => (TarBlockSource.BlockSize - size % TarBlockSource.BlockSize) % TarBlockSource.BlockSize;

    private static StageException Truncated(string entry, long offset) =>
        new("truncated archive: it ends inside this entry's data", entry, offset);

    private static byte[] TrimNul(byte[] data)
    {
        int end = Array.IndexOf(data, (byte)0);
        return end < 0 ? data : data[..end];
    }
}
