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
        // Empty: the ARM-attributes and empty-hard-link-path findings were fixed in the import (hostile-import).
    ];
}
