using System.Text;
using static Boxer.Formats.Tar.TarLayout;

namespace Boxer.Formats.Tar;

/// <summary>The fields of one raw header block, names still as bytes (decoding them may fail and needs context).</summary>
internal readonly record struct TarHeader(
    byte TypeFlag,
    byte[] Name,
    byte[] LinkName,
    long Mode,
    long Uid,
    long Gid,
    long Size,
    long Mtime,
    byte[] UserName,
    byte[] GroupName,
    long DevMajor,
    long DevMinor)
{
    public static bool IsZeroBlock(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    /// <summary>True when the stored checksum matches (as an unsigned or, for old writers, a signed byte sum).</summary>
    public static bool HasValidChecksum(ReadOnlySpan<byte> block)
    {
        if (!TarNumber.TryParse(block.Slice(ChecksumOffset, ChecksumLength), out long stored))
        {
            return false;
        }
        long unsigned = 0, signed = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            byte b = i is >= ChecksumOffset and < ChecksumOffset + ChecksumLength ? (byte)' ' : block[i];
            unsigned += b;
            signed += (sbyte)b;
        }
        return stored == unsigned || stored == signed;
    }

    public static bool HasUstarMagic(ReadOnlySpan<byte> block) =>
        block.Slice(MagicOffset, MagicStem.Length).SequenceEqual(MagicStem);

    /// <summary>Describes the header's name for an error message even when it is not valid UTF-8.</summary>
    public string DisplayName => Encoding.UTF8.GetString(Name);
}
