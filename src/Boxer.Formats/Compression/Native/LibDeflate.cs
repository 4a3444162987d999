using System.Runtime.InteropServices;

namespace Boxer.Formats.Compression.Native;

/// <summary>
/// The whole-buffer DEFLATE compressor of the system's libdeflate, loaded by its versioned name
/// <c>libdeflate.so.0</c> (Debian <c>libdeflate0</c>). Squashfs blocks and gzip layer members are whole
/// buffers, which is what it compresses fastest, a little smaller than zlib at the same level.
/// </summary>
internal static partial class LibDeflate
{
    public const string Library = "libdeflate.so.0";

    /// <summary>libdeflate_result: LIBDEFLATE_SUCCESS.</summary>
    public const int Success = 0;

    [LibraryImport(Library, EntryPoint = "libdeflate_alloc_compressor")]
    public static partial DeflateCompressor AllocateCompressor(int level);

    [LibraryImport(Library, EntryPoint = "libdeflate_free_compressor")]
    public static partial void FreeCompressor(nint compressor);

    [LibraryImport(Library, EntryPoint = "libdeflate_alloc_decompressor")]
    public static partial DeflateDecompressor AllocateDecompressor();

    [LibraryImport(Library, EntryPoint = "libdeflate_free_decompressor")]
    public static partial void FreeDecompressor(nint decompressor);

    [LibraryImport(Library, EntryPoint = "libdeflate_zlib_compress")]
    public static partial nuint ZlibCompress(
        DeflateCompressor compressor, ReadOnlySpan<byte> source, nuint length, Span<byte> destination, nuint capacity);

    [LibraryImport(Library, EntryPoint = "libdeflate_gzip_compress")]
    public static partial nuint GzipCompress(
        DeflateCompressor compressor, ReadOnlySpan<byte> source, nuint length, Span<byte> destination, nuint capacity);

    [LibraryImport(Library, EntryPoint = "libdeflate_zlib_decompress")]
    public static partial int ZlibDecompress(
        DeflateDecompressor decompressor, ReadOnlySpan<byte> source, nuint length, Span<byte> destination, nuint capacity, out nuint written);
}
