using Boxer.TestSupport;

namespace Boxer.Fuzz.Tests;

/// <summary>The checked-in regression inputs: every crash the fuzzer found, as tests/Boxer.Fuzz/regressions/HARNESS/*.bin.</summary>
public static class RegressionInputs
{
    /// <summary>The folder.</summary>
    public static string Root => Path.Combine(RepoPaths.Root, "tests", "Boxer.Fuzz", "regressions");

    /// <summary>Every input as "harness/file".</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*.bin", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The bytes of "harness/file".</summary>
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Root, name));

    /// <summary>The harness of "harness/file".</summary>
    public static string Harness(string name) => name[..name.IndexOf('/')];
}
