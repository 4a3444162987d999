using System.Buffers.Binary;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// The compressor options metadata block that follows the superblock when the level is not the default.
/// gzip: u32 level, u16 window bits (15), u16 strategies (0 = default). zstd: u32 level.
/// </summary>
internal static class CompressorOptions
{
    /// <summary>Writes the block if needed; returns whether it was written.</summary>
    public static bool Write(Stream output, IBlockCodec codec)
    {
        if (codec.Level == BlockCodecs.DefaultLevel(codec.Algorithm))
        {
            return false;
        }
        byte[] body;
        if (codec.Algorithm == BlockCompression.Gzip)
        {
            body = new byte[SquashfsLayout.GzipOptionsSize];
            BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)codec.Level);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), SquashfsLayout.GzipDefaultWindow);
        }
        else
        {
            body = new byte[SquashfsLayout.ZstdOptionsSize];
            BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)codec.Level);
        }
        var block = new MetadataWriter(codec);
        block.Append(body);
        block.Finish(output);
        return true;
    }

    /// <summary>Reads the level from an options body, for the reader's summary.</summary>
    public static int ReadLevel(ReadOnlySpan<byte> body) => (int)BinaryPrimitives.ReadUInt32LittleEndian(body);
}
