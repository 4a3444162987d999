using System.Reflection;
using System.Runtime.InteropServices;

namespace Boxer.Formats.Compression;

/// <summary>
/// Which library compresses an algorithm's blocks and members. The library is part of what the bytes depend
/// on (libdeflate and zlib-ng make different, equally valid deflate streams at the same level), so images
/// record it and <c>--codec</c> pins it. Instances come from <see cref="CodecLibraries"/>.
/// </summary>
public sealed class CodecLibrary
{
    private readonly Func<int, IBlockCodec> _createBlockCodec;
    private readonly Lazy<bool> _available;
    private readonly Lazy<string?> _version;

    internal CodecLibrary(
        string name, BlockCompression algorithm, string? sharedObject, string? debianPackage,
        Func<int, IBlockCodec> createBlockCodec, Func<string?> version)
    {
        Name = name;
        Algorithm = algorithm;
        SharedObject = sharedObject;
        DebianPackage = debianPackage;
        _createBlockCodec = createBlockCodec;
        _available = new(() => sharedObject is null || Loads(sharedObject));
        _version = new(() => IsAvailable ? version() : null);
    }

    /// <summary>The name <c>--codec</c> takes and images record: <c>libdeflate</c>, <c>zlib-ng</c>, <c>libzstd</c>, <c>zstdsharp</c>.</summary>
    public string Name { get; }

    /// <summary>The algorithm it writes.</summary>
    public BlockCompression Algorithm { get; }

    /// <summary>The shared object a native library is loaded from (<c>libdeflate.so.0</c>); null for a managed one.</summary>
    public string? SharedObject { get; }

    /// <summary>The Debian package that installs <see cref="SharedObject"/>; null for a managed library.</summary>
    public string? DebianPackage { get; }

    /// <summary>True for a system library called through P/Invoke.</summary>
    public bool IsNative => SharedObject is not null;

    /// <summary>False when a native library's shared object cannot be loaded on this machine.</summary>
    public bool IsAvailable => _available.Value;

    /// <summary>The library's version when it can tell (libzstd, ZstdSharp, the .NET runtime for zlib-ng); else null.</summary>
    public string? Version => _version.Value;

    /// <summary>
    /// What an image records: <c>ALGORITHM:LEVEL:LIBRARY[-VERSION]</c>, e.g. <c>gzip:9:libdeflate</c> or
    /// <c>zstd:15:libzstd-1.5.4</c>.
    /// </summary>
    /// <param name="level">The level the image was written at.</param>
    public string Describe(int level) =>
        $"{Algorithm.ToString().ToLowerInvariant()}:{level}:{Name}{(Version is { } v ? "-" + v : "")}";

    /// <summary>A block codec of this library at <paramref name="level"/>.</summary>
    /// <param name="level">The level in the algorithm's scale.</param>
    /// <exception cref="DllNotFoundException">A native library is not installed (see <see cref="IsAvailable"/>).</exception>
    public IBlockCodec CreateBlockCodec(int level)
    {
        if (!IsAvailable)
        {
            throw new DllNotFoundException($"{SharedObject} is not installed (Debian package {DebianPackage})");
        }
        return _createBlockCodec(level);
    }

    /// <summary>The library's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    private static bool Loads(string sharedObject)
    {
        if (!NativeLibrary.TryLoad(sharedObject, typeof(CodecLibrary).Assembly, DllImportSearchPath.SafeDirectories, out nint handle))
        {
            return false;
        }
        // Loaded libraries stay loaded (the P/Invoke stubs bind to the same one); nothing to free.
        return handle != 0;
    }

    internal static string? AssemblyVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
}
