namespace Boxer.Core.Sources;

/// <summary>
/// Gentoo's release directories by the arch a stage3's file name spells (<c>stage3-armv7a_hardfp-openrc-…</c>
/// lives under <c>releases/arm/</c>). An arch missing here can still be named with its directory:
/// <c>gentoo:&lt;dir&gt;/&lt;arch&gt;-&lt;flavour&gt;</c>.
/// </summary>
public static class GentooArches
{
    private static readonly Dictionary<string, string> DirectoryByArch = new(StringComparer.Ordinal)
    {
        ["amd64"] = "amd64",
        ["x32"] = "amd64",
        ["arm64"] = "arm64",
        ["i486"] = "x86",
        ["i686"] = "x86",
        ["armv4tl"] = "arm",
        ["armv5tel"] = "arm",
        ["armv6j"] = "arm",
        ["armv6j_hardfp"] = "arm",
        ["armv6j_sf"] = "arm",
        ["armv7a"] = "arm",
        ["armv7a_hardfp"] = "arm",
        ["armv7a_sf"] = "arm",
        ["ppc"] = "ppc",
        ["ppc64"] = "ppc",
        ["ppc64le"] = "ppc",
        ["power9le"] = "ppc",
        ["s390"] = "s390",
        ["s390x"] = "s390",
        ["rv32_ilp32"] = "riscv",
        ["rv32_ilp32d"] = "riscv",
        ["rv64_lp64"] = "riscv",
        ["rv64_lp64d"] = "riscv",
        ["alpha"] = "alpha",
        ["hppa1.1"] = "hppa",
        ["hppa2.0"] = "hppa",
        ["ia64"] = "ia64",
        ["loong"] = "loong",
        ["m68k"] = "m68k",
        ["mips"] = "mips",
        ["mipsel"] = "mips",
        ["mips64"] = "mips",
        ["mips64el"] = "mips",
        ["sparc64"] = "sparc",
    };

    /// <summary>The arches the table knows, for messages.</summary>
    public static string Known => string.Join(", ", DirectoryByArch.Keys.Order(StringComparer.Ordinal));

    /// <summary>The release directory of <paramref name="arch"/>, or null when the table lacks it.</summary>
    public static string? DirectoryOf(string arch) => DirectoryByArch.GetValueOrDefault(arch);
}
