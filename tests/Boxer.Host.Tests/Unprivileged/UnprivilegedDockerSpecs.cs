using System.Text.Json;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Unprivileged;

/// <summary>
/// The README's promise that boxer builds without root: <c>boxer docker --out</c> run as an unprivileged user
/// on the basic fixture writes a layer whose owners, devices, setuid/setgid bits, capabilities and hard links
/// are exactly the stage3's, as GNU tar and getfattr (run as root, after the build) see them.
/// </summary>
public sealed class UnprivilegedDockerSpecs : IDisposable
{
    private readonly StagedBoxer _boxer = new();
    private readonly TempDir _check = new("boxer-unprivileged-docker-");

    [Fact]
    public async Task An_unprivileged_user_writes_a_layer_that_lists_exactly_like_the_stage3()
    {
        string stage = _boxer.Stage(Fixtures.Basic("xz"));

        // No SBOM: it would add /usr/share/boxer to the layer, which is compared entry for entry with the stage3.
        var result = await _boxer.RunAsync(["docker", "--stage", stage, "--out", "image.tar", "--recipe", "none", "--sbom", "none", "--quiet"], unprivileged: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        string archive = Path.Combine(_boxer.Work, "image.tar");
        Assert.Equal($"{StagedBoxer.UnprivilegedId}", ExternalTool.RunChecked("stat", "-c", "%u", archive).Stdout.Trim());
        var fromStage = Sorted(GnuTarListing.Read(stage));
        var fromLayer = Sorted(GnuTarListing.Read(ExtractLayer(archive)));
        UnprivilegedListings.AssertCoversRootOnlyFeatures(fromStage);
        Assert.Equal(fromStage.Select(e => e.ToString()), fromLayer.Select(e => e.ToString()));
        Assert.Equal(fromStage, fromLayer);
    }

    public void Dispose()
    {
        _check.Dispose();
        _boxer.Dispose();
    }

    private string ExtractLayer(string archive)
    {
        ExternalTool.RunChecked("tar", "-xf", archive, "-C", _check.Path, "manifest.json", "blobs");
        using var manifest = JsonDocument.Parse(File.ReadAllText(_check.Combine("manifest.json")));
        return _check.Combine(manifest.RootElement[0].GetProperty("Layers")[0].GetString()!);
    }

    private static List<ListedEntry> Sorted(IEnumerable<ListedEntry> entries) =>
        entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
}
