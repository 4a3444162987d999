namespace Boxer.Targets.Lxd;

/// <summary>Go/OCI architecture names (what boxer's stage analysis reports) in LXD's kernel-style naming.</summary>
internal static class LxdArchitecture
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["amd64"] = "x86_64",
        ["arm64"] = "aarch64",
        ["386"] = "i686",
        ["arm"] = "armv7l",
        ["ppc64le"] = "ppc64le",
        ["ppc64"] = "ppc64",
        ["s390x"] = "s390x",
        ["riscv64"] = "riscv64",
        ["mips64le"] = "mips64",
        ["loong64"] = "loongarch64",
    };

    /// <summary>LXD's name for <paramref name="goArch"/>; an unknown one is refused by the caller with this list.</summary>
    public static string? Of(string goArch) => Names.GetValueOrDefault(goArch);

    public static string Known => string.Join(", ", Names.Keys);
}
