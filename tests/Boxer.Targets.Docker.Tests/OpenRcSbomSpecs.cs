using System.Text.Json;
using Boxer.Core.Sbom;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// The OpenRC fixture's SBOM in all three Docker outputs, read back without boxer's code where it matters:
/// GNU tar and the OCI layout's index.json for <c>--out</c>, raw distribution-API requests with curl for the
/// registry, <c>docker run</c> for the engine; validated by ajv-cli against the SPDX 2.3 schema and counted
/// against <c>dpkg-query</c> on the fixture's own database.
/// </summary>
public sealed class OpenRcSbomSpecs(OpenRcSbomBuild build) : IClassFixture<OpenRcSbomBuild>
{
    [Fact]
    public void The_out_archive_lists_an_SPDX_referrer_of_the_image_that_validates_and_counts_every_installed_package()
    {
        string layout = build.Dir.Combine("layout");
        Directory.CreateDirectory(layout);
        ExternalTool.RunChecked("tar", "-xf", build.OutPath, "-C", layout);
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var manifests = index.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        var image = manifests.Single(m => !m.TryGetProperty("artifactType", out _));
        var referrer = manifests.Single(m => m.TryGetProperty("artifactType", out var t) && t.GetString() == "application/spdx+json");

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Blob(layout, referrer.GetProperty("digest").GetString()!)));
        Assert.Equal(image.GetProperty("digest").GetString(), manifest.RootElement.GetProperty("subject").GetProperty("digest").GetString());
        Assert.Equal("application/spdx+json", manifest.RootElement.GetProperty("artifactType").GetString());
        string document = Blob(layout, manifest.RootElement.GetProperty("layers")[0].GetProperty("digest").GetString()!);
        string named = build.Dir.Combine("out.spdx.json");
        File.Copy(document, named);

        var validation = SbomValidators.Spdx(named);

        Assert.True(validation.Succeeded, validation.Stdout + validation.Stderr);
        var (dpkg, portage) = Packages(File.ReadAllBytes(named));
        Assert.Equal(DpkgQueryInstalled(), dpkg);
        Assert.Equal(VdbEntries(), portage);
    }

    [Fact]
    public void The_registry_holds_the_referrer_under_the_referrers_tag_schema_read_with_curl()
    {
        string subjectHex = build.PushedDigest["sha256:".Length..];
        string api = $"http://{build.Registry.Host}/v2/{build.Repository}";

        using var index = JsonDocument.Parse(Curl("application/vnd.oci.image.index.v1+json", $"{api}/manifests/sha256-{subjectHex}"));
        var referrer = Assert.Single(index.RootElement.GetProperty("manifests").EnumerateArray());
        Assert.Equal("application/spdx+json", referrer.GetProperty("artifactType").GetString());
        using var manifest = JsonDocument.Parse(Curl("application/vnd.oci.image.manifest.v1+json", $"{api}/manifests/{referrer.GetProperty("digest").GetString()}"));
        Assert.Equal(build.PushedDigest, manifest.RootElement.GetProperty("subject").GetProperty("digest").GetString());
        string blob = Curl("*/*", $"{api}/blobs/{manifest.RootElement.GetProperty("layers")[0].GetProperty("digest").GetString()}");

        Assert.Equal(StoredSbomReader.FromOciArchive(build.OutPath), System.Text.Encoding.UTF8.GetBytes(blob));
    }

    [Fact]
    public void Skopeo_reads_the_image_from_the_out_archive_by_the_name_its_hint_gives()
    {
        // With the referrer listed too, skopeo 1.9 refuses an unnamed oci-archive: "more than one image in oci".
        string source = build.SkopeoHint.Split(' ')[2];

        using var inspected = JsonDocument.Parse(ExternalTool.RunChecked("skopeo", "inspect", "--raw", source).Stdout);

        Assert.Equal("application/vnd.oci.image.manifest.v1+json", inspected.RootElement.GetProperty("mediaType").GetString());
        Assert.False(inspected.RootElement.TryGetProperty("artifactType", out _));
    }

    [Fact]
    public void The_engine_image_carries_the_same_document_at_usr_share_boxer()
    {
        string inImage = DockerCli.Run("run", "--rm", "--entrypoint", "cat", build.Pushed, "/usr/share/boxer/sbom.spdx.json");

        Assert.Equal(System.Text.Encoding.UTF8.GetString(StoredSbomReader.FromOciArchive(build.OutPath)), inImage);
    }

    [Fact]
    public async Task Inspect_reads_the_SBOM_back_from_the_registry_reference()
    {
        using var reader = new RegistrySbomReader(build.Pushed);

        byte[] fromRegistry = await reader.ReadAsync(default);

        Assert.Equal(StoredSbomReader.FromOciArchive(build.OutPath), fromRegistry);
    }

    private static string Blob(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);

    private static string Curl(string accept, string url) => ExternalTool.RunChecked("curl", "-fsS", "-H", $"Accept: {accept}", url).Stdout;

    /// <summary>"name version arch" of every dpkg package and "category/name version" of every Portage one the SPDX lists.</summary>
    private static (List<string> Dpkg, List<string> Portage) Packages(byte[] spdx)
    {
        using var json = JsonDocument.Parse(spdx);
        var packages = json.RootElement.GetProperty("packages").EnumerateArray().Select(p => (
            Name: p.GetProperty("name").GetString()!, Version: p.GetProperty("versionInfo").GetString()!,
            Purl: p.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString()!)).ToList();
        var dpkg = packages.Where(p => p.Purl.StartsWith("pkg:deb/", StringComparison.Ordinal))
            .Select(p => $"{p.Name} {p.Version} {p.Purl.Split("arch=")[1].Split('&')[0]}").Order(StringComparer.Ordinal).ToList();
        var portage = packages.Where(p => p.Purl.StartsWith("pkg:ebuild/", StringComparison.Ordinal))
            .Select(p => $"{p.Name} {p.Version}").Order(StringComparer.Ordinal).ToList();
        return (dpkg, portage);
    }

    private List<string> DpkgQueryInstalled() =>
    [
        .. ExternalTool.RunChecked("dpkg-query", "-W", $"--admindir={Path.Combine(build.FixtureRoot, "var/lib/dpkg")}",
                "-f", "${Status}\t${Package} ${Version} ${Architecture}\n").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("install ok installed\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t')[1])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The VDB's entries as the fixture's files give them: CATEGORY/PF files read with plain file I/O.</summary>
    private List<string> VdbEntries() =>
    [
        .. Directory.GetDirectories(Path.Combine(build.FixtureRoot, "var/db/pkg"), "*", SearchOption.TopDirectoryOnly)
            .SelectMany(Directory.GetDirectories)
            .Select(d => $"{File.ReadAllText(Path.Combine(d, "CATEGORY")).Trim()}/{File.ReadAllText(Path.Combine(d, "PF")).Trim()}")
            .Select(pf => $"{pf[..pf.LastIndexOf('-')]} {pf[(pf.LastIndexOf('-') + 1)..]}")
            .Order(StringComparer.Ordinal),
    ];
}
