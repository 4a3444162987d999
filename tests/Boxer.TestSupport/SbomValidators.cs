namespace Boxer.TestSupport;

/// <summary>
/// The independent SBOM validators (tests/schemas/README.md): <c>ajv-cli</c> with the SPDX 2.3 schema from
/// spdx/spdx-spec, and <c>@cyclonedx/cyclonedx-library</c>'s strict JSON validator, both run by node from the
/// npm cache .ci/run fills (<c>$BOXER_NPM_CACHE</c>, else <c>/var/cache/boxer-npm</c>).
/// </summary>
public static class SbomValidators
{
    /// <summary>Where .ci/run installs the npm packages.</summary>
    public static string NpmCache =>
        Environment.GetEnvironmentVariable("BOXER_NPM_CACHE") is { Length: > 0 } dir ? dir : "/var/cache/boxer-npm";

    private static string Schemas => Path.Combine(RepoPaths.Root, "tests", "schemas");

    /// <summary>Runs ajv-cli on <paramref name="document"/> (a file ending in <c>.json</c>): exit 0 when valid.</summary>
    public static ToolResult Spdx(string document) => ExternalTool.Run("node",
        [Module("ajv-cli/dist/index.js"), "validate", "--spec=draft7", "-s", Path.Combine(Schemas, "spdx-2.3.schema.json"), "-d", document]);

    /// <summary>Runs the CycloneDX library's validator on <paramref name="document"/>: exit 0 when valid.</summary>
    public static ToolResult CycloneDx(string document) => ExternalTool.Run("node",
        [Path.Combine(Schemas, "validate-cyclonedx.cjs"), document, NpmCache]);

    private static string Module(string path)
    {
        string full = Path.Combine(NpmCache, "node_modules", path);
        return File.Exists(full)
            ? full
            : throw new InvalidOperationException($"{full} is missing: install .ci/npm-packages as .ci/run does (tests/schemas/README.md)");
    }
}
