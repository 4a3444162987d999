namespace Boxer.Fuzz.Tests;

/// <summary>
/// Regression inputs that still break the property in code another change owns (listed by harness/file under
/// tests/Boxer.Fuzz/regressions). <see cref="RegressionSpecs"/> checks that each still fails, and the seeded run
/// tolerates findings with the same signature; when a fix lands, its entry must go (the spec says so).
/// </summary>
public static class OpenFindings
{
    /// <summary>harness/file names of the known-open inputs.</summary>
    public static IReadOnlyList<string> Inputs { get; } =
    [
        // ArmVariantReader.CpuArch: Array.IndexOf past the end of a 2-byte .ARM.attributes section
        // (ArgumentOutOfRangeException; `boxer inspect` of a stage3 with such a /bin/sh exits 1). Owner: hostile-import.
        "elf/arm-attributes-truncated.bin",
        "tar/arm-attributes-truncated.bin",
        // A hard link whose PAX path= is empty: RootFs.ParentFor throws ArgumentException ("the root directory cannot
        // be replaced") from StageTreeLoader.Put; `boxer inspect` exits 1. Owner: hostile-import.
        "tar/hardlink-pax-path-empty.bin",
    ];
}
