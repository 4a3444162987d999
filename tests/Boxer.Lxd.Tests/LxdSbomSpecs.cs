using System.Security.Cryptography;
using System.Text.Json;
using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary>
/// The LXD sample's SBOM: <c>sbom.spdx.json</c> beside the image, validated by ajv-cli against the SPDX 2.3
/// schema, its Debian packages exactly what <c>dpkg-query</c> lists as installed in the OpenRC fixture's own
/// database, and the image properties naming it (file, digest, package count) read from metadata.yaml by GNU tar.
/// </summary>
[Collection(LxdCollection.Name)]
public sealed class LxdSbomSpecs(SamplePlugin plugin)
{
    [Fact]
    public async Task The_image_has_an_SPDX_document_beside_it_that_validates_and_lists_every_installed_package()
    {
        using var output = new TempDir("boxer-lxd-sbom-");
        using var fixture = new TempDir("boxer-lxd-sbom-fixture-");

        var result = await BoxerRun.RunAsync(plugin.PluginsRoot, new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" },
            "lxd", "--stage", Fixtures.OpenRc(), "--out", output.Path, "--recipe", "none");

        Assert.True(result.Succeeded, result.Stderr);
        string document = output.Combine("sbom.spdx.json");
        var validation = SbomValidators.Spdx(document);
        Assert.True(validation.Succeeded, validation.Stdout + validation.Stderr);

        ExternalTool.RunChecked("tar", "-xJf", Fixtures.OpenRc(), "-C", fixture.Path, "./var/lib/dpkg");
        List<string> installed =
        [
            .. ExternalTool.RunChecked("dpkg-query", "-W", $"--admindir={fixture.Combine("var", "lib", "dpkg")}",
                    "-f", "${Status}\t${Package} ${Version}\n").Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.StartsWith("install ok installed\t", StringComparison.Ordinal))
                .Select(l => l.Split('\t')[1])
                .Order(StringComparer.Ordinal),
        ];
        byte[] bytes = File.ReadAllBytes(document);
        using var json = JsonDocument.Parse(bytes);
        var packages = json.RootElement.GetProperty("packages").EnumerateArray().ToList();
        var debian = packages
            .Where(p => p.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString()!.StartsWith("pkg:deb/", StringComparison.Ordinal))
            .Select(p => $"{p.GetProperty("name").GetString()} {p.GetProperty("versionInfo").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(installed);
        Assert.Equal(installed, debian);

        var yaml = ExternalTool.RunChecked("tar", "-xOJf", output.Combine("metadata.tar.xz"), "metadata.yaml").Stdout.Split('\n');
        Assert.Contains("  sbom: \"sbom.spdx.json\"", yaml);
        Assert.Contains("  sbom.media_type: \"application/spdx+json\"", yaml);
        Assert.Contains($"  sbom.sha256: \"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", yaml);
        Assert.Contains($"  sbom.packages: \"{packages.Count}\"", yaml);
    }
}
