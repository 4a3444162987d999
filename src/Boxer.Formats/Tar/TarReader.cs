using System.Text;

namespace Boxer.Formats.Tar;

/// <summary>
/// Reads tar members one by one: POSIX ustar, GNU long names and links (L/K), PAX local and global
/// headers. Entries come as the archive records them (<see cref="TarEntry"/>); every failure is a
/// <see cref="TarReadException"/> naming the problem, the entry and the offset. Call <see cref="CopyContent"/>
/// or <see cref="SkipContent"/> for each entry before the next.
/// </summary>
/// <param name="source">The uncompressed tar stream; after the end marker it is positioned just past it.</param>
public sealed class TarReader(TarBlockSource source)
{
    private const int MaxExtendedHeader = 16 << 20;

    private readonly byte[] _block = new byte[TarBlockSource.BlockSize];
    private readonly PaxAttributes _global = new();

    /// <summary>
    /// True when <paramref name="block"/> is a full header block that carries the ustar magic or a matching
    /// checksum: how an uncompressed tar is recognized.
    /// </summary>
    public static bool IsHeader(ReadOnlySpan<byte> block) =>
        block.Length == TarLayout.BlockSize && (TarHeader.HasUstarMagic(block) || TarHeader.HasValidChecksum(block));

    /// <summary>The next entry, or null at the end-of-archive marker.</summary>
    /// <exception cref="TarReadException">The archive is malformed, truncated or uses an unsupported feature.</exception>
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
    /// <param name="entry">The entry <see cref="Next"/> returned last.</param>
    /// <param name="sink">Receives the content in chunks.</param>
    /// <exception cref="TarReadException">The archive ends inside the content.</exception>
    public void CopyContent(TarEntry entry, SpanSink sink)
    {
        try
        {
            source.Copy(entry.Size, sink);
            source.Skip(Padding(entry.Size));
        }
        catch (EndOfStreamException)
        {
            throw Truncated(entry.Name, entry.HeaderOffset);
        }
    }

    /// <summary>Skips an entry's data and padding.</summary>
    /// <param name="entry">The entry <see cref="Next"/> returned last.</param>
    /// <exception cref="TarReadException">The archive ends inside the data.</exception>
    public void SkipContent(TarEntry entry) => Skip(entry.Size, entry.Name, entry.HeaderOffset);

    private TarHeader? ReadHeader(long offset, bool pending)
    {
        try
        {
            if (!source.TryReadBlock(_block))
            {
                throw new TarReadException(
                    offset == 0 ? "the archive is empty" : "truncated archive: it ends without the end-of-archive blocks",
                    null, offset);
            }
        }
        catch (EndOfStreamException)
        {
            throw new TarReadException("truncated archive: it ends inside a header block", null, offset);
        }
        if (TarHeader.IsZeroBlock(_block))
        {
            return pending
                ? throw new TarReadException("truncated archive: an extended header has no entry after it", null, offset)
                : null;
        }
        if (!TarHeader.HasValidChecksum(_block))
        {
            throw new TarReadException(
                offset == 0 ? "not a tar archive: the first header's checksum does not match" : "bad header checksum",
                offset == 0 ? null : Encoding.UTF8.GetString(_block.AsSpan(TarLayout.NameOffset, TarLayout.NameLength)).TrimEnd('\0'), offset);
        }
        var header = TarHeaderParser.Parse(_block, out var badField);
        return badField is null
            ? header
            : throw new TarReadException($"bad {badField} field in the header", header.DisplayName, offset);
    }

    private byte[] ReadData(TarHeader header, long offset)
    {
        if (ExtensionSize(header, offset) > MaxExtendedHeader)
        {
            throw new TarReadException($"extended header of {header.Size} bytes is implausibly large", header.DisplayName, offset);
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
            throw new TarReadException(e.Message, header.DisplayName, offset);
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
        header.Size >= 0 ? header.Size : throw new TarReadException($"negative size {header.Size}", header.DisplayName, offset);

    private static long Padding(long size) => (TarBlockSource.BlockSize - size % TarBlockSource.BlockSize) % TarBlockSource.BlockSize;

    private static TarReadException Truncated(string entry, long offset) =>
        new("truncated archive: it ends inside this entry's data", entry, offset);

    private static byte[] TrimNul(byte[] data)
    {
        int end = Array.IndexOf(data, (byte)0);
        return end < 0 ? data : data[..end];
    }
}
