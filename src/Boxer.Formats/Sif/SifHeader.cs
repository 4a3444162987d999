using System.Buffers.Binary;
using System.Text;

namespace Boxer.Formats.Sif;

/// <summary>The 128-byte SIF global header at offset 0.</summary>
/// <param name="LaunchScript">The text at offset 0 (shebang), at most 31 bytes.</param>
/// <param name="Arch">The two-digit architecture code of the primary partition, or "00".</param>
/// <param name="Id">The image's UUID.</param>
/// <param name="Created">Creation time, Unix seconds.</param>
/// <param name="Modified">Modification time, Unix seconds.</param>
/// <param name="DescriptorsFree">Unused descriptor slots.</param>
/// <param name="DescriptorsTotal">Descriptor slots.</param>
/// <param name="DescriptorsOffset">Where the descriptors start.</param>
/// <param name="DescriptorsSize">Bytes of descriptor slots.</param>
/// <param name="DataOffset">Where object data starts.</param>
/// <param name="DataSize">Bytes from the data offset to the end of the last object.</param>
public readonly record struct SifHeader(
    string LaunchScript, string Arch, Guid Id, long Created, long Modified, long DescriptorsFree, long DescriptorsTotal,
    long DescriptorsOffset, long DescriptorsSize, long DataOffset, long DataSize)
{
    internal void Write(Span<byte> b)
    {
        b[..SifLayout.HeaderSize].Clear();
        Ascii(b.Slice(SifLayout.LaunchScriptOffset, SifLayout.LaunchScriptSize), LaunchScript);
        Ascii(b.Slice(SifLayout.MagicOffset, SifLayout.MagicSize), SifLayout.Magic);
        Ascii(b.Slice(SifLayout.VersionOffset, SifLayout.VersionSize), SifLayout.Version);
        Ascii(b.Slice(SifLayout.ArchOffset, SifLayout.ArchSize), Arch);
        Id.TryWriteBytes(b.Slice(SifLayout.IdOffset, SifLayout.IdSize), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.CreatedOffset..], Created);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.ModifiedOffset..], Modified);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorsFreeOffset..], DescriptorsFree);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorsTotalOffset..], DescriptorsTotal);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorsOffsetOffset..], DescriptorsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DescriptorsSizeOffset..], DescriptorsSize);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DataOffsetOffset..], DataOffset);
        BinaryPrimitives.WriteInt64LittleEndian(b[SifLayout.DataSizeOffset..], DataSize);
    }

    internal static SifHeader Read(ReadOnlySpan<byte> b)
    {
        if (CString(b.Slice(SifLayout.MagicOffset, SifLayout.MagicSize)) != SifLayout.Magic)
        {
            throw new InvalidDataException("not a SIF file (no SIF_MAGIC at offset 32)");
        }
        if (CString(b.Slice(SifLayout.VersionOffset, SifLayout.VersionSize)) != SifLayout.Version)
        {
            throw new InvalidDataException("unsupported SIF version (only 01 is read)");
        }
        return new SifHeader(
            CString(b.Slice(SifLayout.LaunchScriptOffset, SifLayout.LaunchScriptSize)),
            CString(b.Slice(SifLayout.ArchOffset, SifLayout.ArchSize)),
            new Guid(b.Slice(SifLayout.IdOffset, SifLayout.IdSize), bigEndian: true),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.CreatedOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.ModifiedOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorsFreeOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorsTotalOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorsOffsetOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DescriptorsSizeOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DataOffsetOffset..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[SifLayout.DataSizeOffset..]));
    }

    internal static void Ascii(Span<byte> field, string text)
    {
        int n = Encoding.UTF8.GetBytes(text, field);
        field[n..].Clear();
    }

    internal static string CString(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }
}
