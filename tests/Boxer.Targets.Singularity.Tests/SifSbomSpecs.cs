using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Sbom;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// The OpenRC fixture as a SIF with a CycloneDX SBOM: siftool lists the SBOM object and dumps it, the
/// CycloneDX library validates it, and it lists exactly the packages dpkg-query reports installed plus the VDB entry.
/// </summary>
public sealed class SifSbomSpecs : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Siftool_lists_a_CycloneDX_SBOM_object_that_validates_and_counts_every_installed_package()
    {
        string sif = _dir.Combine("openrc.sif");
        await BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = Fixtures.OpenRc(),
                Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = sif, ["compression"] = "zstd", ["level"] = "1" }))],
                SourceDateEpoch = new UnixTime(1_700_000_000),
                BoxerVersion = "1.0.0-test",
                Sbom = SbomFormat.CycloneDx,
            },
            new Progress<BuildEvent>(),
            CancellationToken.None);

        string list = ExternalTool.RunChecked("siftool", "list", sif).Stdout;
        string line = Assert.Single(list.Split('\n'), l => l.Contains("SBOM", StringComparison.Ordinal));
        Assert.EndsWith("|SBOM (cyclonedx-json)", line.TrimEnd(), StringComparison.Ordinal);
        string id = line.Split('|')[0].Trim();
        string dumped = _dir.Combine("sbom.cdx.json");
        ExternalTool.RunChecked("sh", "-c", $"siftool dump {id} '{sif}' > '{dumped}'");
        Assert.Equal(StoredSbomReader.FromSif(sif), File.ReadAllBytes(dumped));

        var validation = SbomValidators.CycloneDx(dumped);

        Assert.True(validation.Succeeded, validation.Stdout + validation.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(dumped));
        var components = json.RootElement.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(InstalledDpkgCount(), components.Count(c => c.GetProperty("purl").GetString()!.StartsWith("pkg:deb/", StringComparison.Ordinal)));
        Assert.Equal(["pkg:ebuild/sys-kernel%2Fdebian-sources@6.1.0"],
            components.Select(c => c.GetProperty("purl").GetString()).Where(p => p!.StartsWith("pkg:ebuild/", StringComparison.Ordinal)));
    }

    public void Dispose() => _dir.Dispose();

    private int InstalledDpkgCount()
    {
        string root = _dir.Combine("fixture");
        Directory.CreateDirectory(root);
        ExternalTool.RunChecked("tar", "-xJf", Fixtures.OpenRc(), "-C", root, "./var/lib/dpkg");
        return ExternalTool.RunChecked("dpkg-query", "-W", $"--admindir={Path.Combine(root, "var/lib/dpkg")}", "-f", "${Status}\n").Stdout
            .Split('\n').Count(l => l == "install ok installed");
    }
}
