using System.Runtime.InteropServices;

namespace Boxer.Formats.Compression.Native;

/// <summary>
/// The few functions of the system's libzstd that block compression needs. Loaded by its versioned name,
/// <c>libzstd.so.1</c> (Debian <c>libzstd1</c>): the unversioned <c>libzstd.so</c> comes only with the -dev package.
/// </summary>
internal static partial class LibZstd
{
    public const string Library = "libzstd.so.1";

    [LibraryImport(Library, EntryPoint = "ZSTD_createCCtx")]
    public static partial ZstdCompressionContext CreateCompressionContext();

    [LibraryImport(Library, EntryPoint = "ZSTD_freeCCtx")]
    public static partial nuint FreeCompressionContext(nint context);

    [LibraryImport(Library, EntryPoint = "ZSTD_createDCtx")]
    public static partial ZstdDecompressionContext CreateDecompressionContext();

    [LibraryImport(Library, EntryPoint = "ZSTD_freeDCtx")]
    public static partial nuint FreeDecompressionContext(nint context);

    [LibraryImport(Library, EntryPoint = "ZSTD_compressCCtx")]
    public static partial nuint Compress(
        ZstdCompressionContext context, Span<byte> destination, nuint capacity, ReadOnlySpan<byte> source, nuint length, int level);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompressDCtx")]
    public static partial nuint Decompress(
        ZstdDecompressionContext context, Span<byte> destination, nuint capacity, ReadOnlySpan<byte> source, nuint length);

    [LibraryImport(Library, EntryPoint = "ZSTD_compressBound")]
    public static partial nuint CompressBound(nuint length);

    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    public static partial uint IsError(nuint code);

    [LibraryImport(Library, EntryPoint = "ZSTD_getErrorName")]
    public static partial nint ErrorName(nuint code);

    [LibraryImport(Library, EntryPoint = "ZSTD_versionString")]
    public static partial nint VersionString();

    /// <summary>The result of a libzstd call, or an exception naming its error.</summary>
    public static int Check(nuint result, string what) =>
        IsError(result) == 0
            ? checked((int)result)
            : throw new InvalidDataException($"libzstd {what}: {Marshal.PtrToStringUTF8(ErrorName(result))}");
}
