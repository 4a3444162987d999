using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Sbom;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sbom;

/// <summary>
/// The SBOM of the basic fixture (tests/fixtures: a Portage VDB with three good entries and two damaged ones),
/// made by the pipeline, checked with the formats' own validators and against the tarball's listing.
/// </summary>
public sealed class BasicFixtureSbomSpecs : IDisposable
{
    private static readonly UnixTime Epoch = new(1_700_000_000);
    private readonly TempDir _dir = new();

    private static string Stage => Boxer.TestSupport.Fixtures.Basic("tar");

    [Fact]
    public async Task The_VDB_entries_are_read_with_their_fields_and_the_damaged_ones_are_skipped_with_a_warning()
    {
        using var stage = await StageImporter.ImportAsync(Stage);

        var inventory = PackageInventoryReader.Read(stage.RootFs.AsReadOnly());

        // Independent of the reader: every <category>/<entry>/ directory GNU tar lists under var/db/pkg.
        var listed = ExternalTool.RunChecked("tar", "-tf", Stage).Stdout.Split('\n')
            .Select(n => n.TrimStart('.', '/').TrimEnd('/'))
            .Where(n => n.Split('/') is ["var", "db", "pkg", _, _]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["var/db/pkg/app-misc/-MERGING-half-1.0", "var/db/pkg/app-misc/noversion", "var/db/pkg/sys-apps/busybox-1.35.0",
             "var/db/pkg/sys-kernel/debian-sources-6.1.0", "var/db/pkg/sys-libs/glibc-2.38-r10"],
            listed);
        Assert.Equal(["sys-apps/busybox 1.35.0", "sys-kernel/debian-sources 6.1.0", "sys-libs/glibc 2.38-r10"],
            inventory.Packages.Select(p => $"{p.FullName} {p.Version}"));
        var glibc = inventory.Packages[2];
        Assert.Equal(("2.2", "LGPL-2.1+ BSD HPND ISC inner-net rc PCRE", "gentoo"), (glibc.Slot, glibc.License, glibc.Repository));
        Assert.Equal(("https://www.gnu.org/software/libc/libc.html", "GNU libc C library"), (glibc.Homepage, glibc.Description));
        Assert.Equal(2, inventory.Warnings.Count);
        Assert.Contains("app-misc/-MERGING-half-1.0 is an unfinished merge", inventory.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("'app-misc/no version here' is not a Portage category and PF", inventory.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SPDX_document_validates_against_the_SPDX_2_3_schema_and_lists_the_VDB()
    {
        var sbom = await BuildAsync(SbomFormat.Spdx);
        string file = Save(sbom, "basic.spdx.json");

        var result = SbomValidators.Spdx(file);

        Assert.True(result.Succeeded, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(sbom.Content);
        var purls = json.RootElement.GetProperty("packages").EnumerateArray()
            .Select(p => p.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString()).ToList();
        Assert.Equal(["pkg:ebuild/sys-apps%2Fbusybox@1.35.0", "pkg:ebuild/sys-kernel%2Fdebian-sources@6.1.0", "pkg:ebuild/sys-libs%2Fglibc@2.38-r10"], purls);
        Assert.Equal("2023-11-14T22:13:20Z", json.RootElement.GetProperty("creationInfo").GetProperty("created").GetString());
        Assert.Contains("before the recipe openrc-server.csx (sha256:", json.RootElement.GetProperty("comment").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CycloneDX_document_validates_with_the_CycloneDX_library()
    {
        var sbom = await BuildAsync(SbomFormat.CycloneDx);
        string file = Save(sbom, "basic.cdx.json");

        var result = SbomValidators.CycloneDx(file);

        Assert.True(result.Succeeded, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(sbom.Content);
        Assert.Equal(3, json.RootElement.GetProperty("components").GetArrayLength());
        Assert.Equal(SbomDocument.CycloneDxMediaType, sbom.MediaType);
    }

    [Fact]
    public async Task Two_builds_with_the_same_SOURCE_DATE_EPOCH_give_the_same_bytes_and_another_time_another_identity()
    {
        var first = await BuildAsync(SbomFormat.Spdx);
        var second = await BuildAsync(SbomFormat.Spdx);
        var later = await BuildAsync(SbomFormat.Spdx, new UnixTime(Epoch.Seconds + 1));

        Assert.Equal(first.Content.ToArray(), second.Content.ToArray());
        Assert.NotEqual(Namespace(first), Namespace(later));
    }

    [Fact]
    public async Task A_recipe_that_prunes_the_VDB_still_gets_the_whole_SBOM()
    {
        var target = new CapturingTarget();
        var finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"), new Dictionary<string, string> { ["prune-pkgdb"] = "true" }, Runner());

        await BuildPipeline.RunAsync(Request(target, SbomFormat.Spdx, Epoch, finalizer), new Progress<BuildEvent>(), default);

        Assert.False(target.VdbAtBuild, "the recipe did not prune the VDB: the spec proves nothing");
        using var json = JsonDocument.Parse(target.BuiltSbom!.Content);
        Assert.Contains(json.RootElement.GetProperty("packages").EnumerateArray(), p => p.GetProperty("name").GetString() == "sys-kernel/debian-sources");
        Assert.Same(target.PreparedSbom, target.BuiltSbom);
    }

    [Fact]
    public async Task None_hands_no_SBOM_to_the_target()
    {
        var target = new CapturingTarget();

        await BuildPipeline.RunAsync(Request(target, SbomFormat.None, Epoch, NoFinalizer.Instance), new Progress<BuildEvent>(), default);

        Assert.Null(target.BuiltSbom);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A recipe runner whose compiled-recipe cache is this spec's own (never the user's ~/.cache/boxer).</summary>
    private RecipeRunner Runner() => new(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") });

    private async Task<SbomDocument> BuildAsync(SbomFormat format, UnixTime? time = null)
    {
        var target = new CapturingTarget();
        var finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"), runner: Runner());
        await BuildPipeline.RunAsync(Request(target, format, time ?? Epoch, finalizer), new Progress<BuildEvent>(), default);
        return target.BuiltSbom!;
    }

    private static BuildRequest Request(CapturingTarget target, SbomFormat format, UnixTime time, IFinalizer finalizer) => new()
    {
        StagePath = Stage,
        Targets = [new TargetRequest(target, new TargetOptionValues(new Dictionary<string, string>()))],
        Finalizer = finalizer,
        SourceDateEpoch = time,
        BoxerVersion = "1.0.0-test",
        Sbom = format,
    };

    private string Save(SbomDocument sbom, string name)
    {
        string file = _dir.Combine(name);
        File.WriteAllBytes(file, sbom.Content.ToArray());
        return file;
    }

    private static string? Namespace(SbomDocument sbom)
    {
        using var json = JsonDocument.Parse(sbom.Content);
        return json.RootElement.GetProperty("documentNamespace").GetString();
    }
}
