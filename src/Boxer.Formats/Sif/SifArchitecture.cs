using Boxer.Abstractions;

namespace Boxer.Formats.Sif;

/// <summary>SIF's two-digit architecture codes, from Go/OCI names.</summary>
public static class SifArchitecture
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["386"] = "01",
        ["amd64"] = "02",
        ["arm"] = "03",
        ["arm64"] = "04",
        ["ppc64"] = "05",
        ["ppc64le"] = "06",
        ["mips"] = "07",
        ["mipsle"] = "08",
        ["mips64"] = "09",
        ["mips64le"] = "10",
        ["s390x"] = "11",
        ["riscv64"] = "12",
    };

    /// <summary>The code meaning "unknown", used in a header without a system partition.</summary>
    public const string Unknown = "00";

    /// <summary>The code of a Go/OCI architecture name.</summary>
    /// <param name="goArch">e.g. <c>amd64</c>.</param>
    /// <returns>e.g. <c>02</c>.</returns>
    /// <exception cref="ArgumentException">SIF has no code for it.</exception>
    public static string CodeOf(string goArch) =>
        Codes.TryGetValue(goArch, out var code) ? code : throw new ArgumentException($"SIF has no architecture code for '{goArch}'", nameof(goArch));

    /// <summary>The Go/OCI name of a code, or <see cref="CpuArchitecture.Unknown"/>'s name.</summary>
    /// <param name="code">e.g. <c>02</c>.</param>
    /// <returns>e.g. <c>amd64</c>.</returns>
    public static string NameOf(string code) => Codes.FirstOrDefault(kv => kv.Value == code).Key ?? CpuArchitecture.Unknown.Name;
}
