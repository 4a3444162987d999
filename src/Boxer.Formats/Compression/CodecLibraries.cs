using System.Runtime.InteropServices;
using Boxer.Formats.Compression.Native;

namespace Boxer.Formats.Compression;

/// <summary>
/// The libraries boxer compresses with, native first: libdeflate (gzip/zlib) and libzstd (zstd) through
/// P/Invoke, with .NET's zlib-ng and the managed ZstdSharp port as the fallbacks.
/// </summary>
public static class CodecLibraries
{
    /// <summary>The <c>--codec</c> value that picks the native library when it loads, else the managed one with a warning.</summary>
    public const string Auto = "auto";

    /// <summary>
    /// The label (SIF labels, OCI config labels and annotations) that records <see cref="CodecLibrary.Describe"/>
    /// of the library that compressed an image, since its bytes depend on it.
    /// </summary>
    public const string LabelKey = "io.boxer.compression";

    /// <summary>The help text of a target's <c>--codec</c> option.</summary>
    public const string OptionHelp =
        "Compression library: auto (libdeflate/libzstd when installed, else zlib-ng/zstdsharp with a warning) or one to pin; recorded in the image";

    /// <summary>libdeflate (Debian <c>libdeflate0</c>): whole-buffer deflate, zlib-wrapped blocks and gzip members.</summary>
    public static CodecLibrary Libdeflate { get; } = new(
        "libdeflate", BlockCompression.Gzip, LibDeflate.Library, "libdeflate0",
        level => new LibdeflateBlockCodec(level), () => null);

    /// <summary>zlib-ng inside .NET's System.IO.Compression.</summary>
    public static CodecLibrary ZlibNg { get; } = new(
        "zlib-ng", BlockCompression.Gzip, null, null,
        level => new ZlibBlockCodec(level), () => "dotnet-" + Environment.Version.ToString());

    /// <summary>The system's libzstd (Debian <c>libzstd1</c>).</summary>
    public static CodecLibrary Libzstd { get; } = new(
        "libzstd", BlockCompression.Zstd, LibZstd.Library, "libzstd1",
        level => new NativeZstdBlockCodec(level), () => Marshal.PtrToStringUTF8(LibZstd.VersionString()));

    /// <summary>ZstdSharp, a managed port of zstd.</summary>
    public static CodecLibrary ZstdSharp { get; } = new(
        "zstdsharp", BlockCompression.Zstd, null, null,
        level => new ZstdBlockCodec(level), () => CodecLibrary.AssemblyVersion(typeof(global::ZstdSharp.Compressor).Assembly));

    /// <summary>Every library, the native one of each algorithm before its fallback.</summary>
    public static IReadOnlyList<CodecLibrary> All { get; } = [Libdeflate, ZlibNg, Libzstd, ZstdSharp];

    /// <summary>The names <c>--codec</c> accepts: <see cref="Auto"/> and each library's.</summary>
    public static IReadOnlyList<string> Choices { get; } = [Auto, .. All.Select(l => l.Name)];

    /// <summary>The library named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A <see cref="CodecLibrary.Name"/>.</param>
    public static CodecLibrary? Named(string name) => All.FirstOrDefault(l => l.Name == name);

    /// <summary>The native library of <paramref name="algorithm"/> when it loads, else its managed fallback.</summary>
    /// <param name="algorithm">The algorithm.</param>
    public static CodecLibrary Preferred(BlockCompression algorithm) => Resolve(algorithm, Auto).Library!;

    /// <summary>
    /// Chooses the library for <paramref name="algorithm"/>: a pinned one when it fits the algorithm and loads
    /// (else a problem, never another library), or for <see cref="Auto"/> the native one, falling back to the
    /// managed one with one warning naming the Debian package to install.
    /// </summary>
    /// <param name="algorithm">The algorithm to write.</param>
    /// <param name="choice">A <c>--codec</c> value: <see cref="Auto"/> (or null) or a library name.</param>
    /// <param name="isAvailable">Whether a library loads; defaults to <see cref="CodecLibrary.IsAvailable"/>.</param>
    public static CodecResolution Resolve(BlockCompression algorithm, string? choice, Func<CodecLibrary, bool>? isAvailable = null)
    {
        isAvailable ??= l => l.IsAvailable;
        if (string.IsNullOrEmpty(choice) || choice == Auto)
        {
            var native = All.First(l => l.Algorithm == algorithm && l.IsNative);
            var managed = All.First(l => l.Algorithm == algorithm && !l.IsNative);
            return isAvailable(native)
                ? new CodecResolution(native, null, null)
                : new CodecResolution(managed,
                    $"{native.SharedObject} not found: compressing {Lower(algorithm)} with {managed.Name} (slower, different bytes); " +
                    $"install the Debian package {native.DebianPackage} or pin --codec {managed.Name}", null);
        }
        if (Named(choice) is not { } library)
        {
            return new CodecResolution(null, null, $"--codec must be one of {string.Join(", ", Choices)}, not '{choice}'");
        }
        if (library.Algorithm != algorithm)
        {
            return new CodecResolution(null, null, $"--codec {choice} writes {Lower(library.Algorithm)}, not {Lower(algorithm)}");
        }
        return isAvailable(library)
            ? new CodecResolution(library, null, null)
            : new CodecResolution(null, null, $"--codec {choice}: {library.SharedObject} not found (install the Debian package {library.DebianPackage})");
    }

    private static string Lower(BlockCompression algorithm) => algorithm.ToString().ToLowerInvariant();
}
