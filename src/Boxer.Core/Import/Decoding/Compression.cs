namespace Boxer.Core.Import.Decoding;

/// <summary>The compressions a stage3 may come in, recognized by their magic bytes.</summary>
internal enum Compression
{
    None,
    Xz,
    Gzip,
    Bzip2,
    Zstd,
    Lzip,
}
