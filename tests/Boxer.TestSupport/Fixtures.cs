namespace Boxer.TestSupport;

/// <summary>
/// The fixture stage3s of tests/fixtures, generated on first use and cached by generator hash (see
/// tests/fixtures/README.md for what each holds). Generation needs root, as CI has.
/// </summary>
public static class Fixtures
{
    /// <summary>Values <see cref="Basic"/> accepts: "tar" is uncompressed, "concat-xz" two xz streams.</summary>
    public static IReadOnlyList<string> BasicCompressions { get; } = ["tar", "xz", "gz", "bz2", "zst", "lz", "concat-xz"];

    private static readonly Lazy<string> BasicDir = new(() =>
        new FixtureCache(CacheRoot, "basic", Script("make-basic-stage3.sh"), TimeSpan.FromMinutes(5))
            .Directory(outDir => [outDir]));

    private static readonly Lazy<string> OpenRcFile = new(() =>
        Path.Combine(
            new FixtureCache(
                    CacheRoot, "openrc", Script("make-openrc-stage3.sh"), TimeSpan.FromMinutes(40), Script("openrc-stage3"))
                .Directory(outDir => [Path.Combine(outDir, "openrc.tar.xz")]),
            "openrc.tar.xz"));

    private static readonly Lazy<string> Arm64File = new(() =>
        Path.Combine(
            new FixtureCache(CacheRoot, "arm64", Script("make-arm64-stage3.sh"), TimeSpan.FromMinutes(20))
                .Directory(outDir => [Path.Combine(outDir, "arm64.tar.xz")]),
            "arm64.tar.xz"));

    private static readonly Lazy<string> BoxerBaseFile = new(() =>
        Path.Combine(
            new FixtureCache(
                    CacheRoot, "boxer-base", Path.Combine(RepoPaths.Root, "ship", "make-base-rootfs.sh"), TimeSpan.FromMinutes(30))
                .Directory(outDir => [Path.Combine(outDir, "base.tar.xz")]),
            "base.tar.xz"));

    /// <summary>
    /// Where every fixture is cached, outside the temp directory so a run leaves nothing there and the slow
    /// (debootstrap) fixture survives reboots and /tmp cleaning: <c>$BOXER_FIXTURE_CACHE</c>, else
    /// <c>/var/cache/boxer-fixtures</c>.
    /// </summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("BOXER_FIXTURE_CACHE") is { Length: > 0 } dir ? dir : "/var/cache/boxer-fixtures";

    /// <summary>The basic fixture (busybox + OpenRC-style files + every tar feature) in the given compression.</summary>
    public static string Basic(string compression = "xz")
    {
        var file = compression switch
        {
            "tar" or "" => "basic.tar",
            "concat-xz" => "basic-concat.tar.xz",
            "xz" or "gz" or "bz2" or "zst" or "lz" => $"basic.tar.{compression}",
            _ => throw new ArgumentException($"no basic fixture in '{compression}'; use one of {string.Join(", ", BasicCompressions)}", nameof(compression)),
        };
        return Path.Combine(BasicDir.Value, file);
    }

    /// <summary>
    /// A real Debian bookworm OpenRC system with Funtoo-like touches (.tar.xz). The first call runs
    /// debootstrap (minutes, needs the apt mirror); later runs reuse the cache.
    /// </summary>
    public static string OpenRc() => OpenRcFile.Value;

    /// <summary>
    /// A real foreign root file system (.tar.xz): Debian bookworm minbase for arm64, unpacked by the first stage
    /// of <c>debootstrap --foreign</c> (no emulation, nothing configured); its /bin/sh is an aarch64 ELF. The first
    /// call downloads the packages (a minute or two, needs the apt mirror); later runs reuse the cache.
    /// </summary>
    public static string Arm64() => Arm64File.Value;

    /// <summary>
    /// The minimal Debian rootfs boxer's own image is built on (ship/make-base-rootfs.sh: minbase, CA
    /// certificates, xz, zstd; no .NET), as .tar.xz. The first call runs debootstrap.
    /// </summary>
    public static string BoxerBase() => BoxerBaseFile.Value;

    private static string Script(string name) => Path.Combine(RepoPaths.Fixtures, name);
}
