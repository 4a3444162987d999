using System.Buffers.Binary;

namespace Boxer.Formats.Squashfs;

/// <summary>The bytes of one listing being assembled, with headers patched once their run's length is known.</summary>
internal sealed class DirectoryLocalBuffer
{
    private byte[] _bytes = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public void WriteHeader(DirectoryHeader header) => header.Write(Grow(DirectoryHeader.Size));

    public void WriteEntry(DirectoryEntry entry, byte[] name)
    {
        entry.Write(Grow(DirectoryEntry.Size));
        name.CopyTo(Grow(name.Length));
    }

    public void PatchHeaderCount(int headerAt, int count)
    {
        if (headerAt >= 0)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(headerAt), (uint)(count - 1));
        }
    }

    private Span<byte> Grow(int n)
    {
        if (Length + n > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + n));
        }
        var span = _bytes.AsSpan(Length, n);
        Length += n;
        return span;
    }
}
