using System.Text.Json;
using Boxer.Core.Tests.Sources.Support;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// The real boxer building from <c>gentoo:amd64-openrc</c> on a signed mirror served from this process
/// (127.0.0.1): the provenance read back by skopeo, docker, siftool and boxer inspect; the refusals with
/// their exit codes; a second build that asks the mirror nothing.
/// </summary>
public sealed class TrustedStageSpecs(MirrorFixture fixture) : IClassFixture<MirrorFixture>
{
    private const string Name = "gentoo:amd64-openrc";

    [Fact]
    public async Task A_docker_archive_from_a_gentoo_name_says_which_verified_tarball_it_came_from()
    {
        fixture.Reset();
        using var dir = new TempDir("boxer-trusted-");
        string archive = dir.Combine("image.tar");

        var run = await BoxerAsync(dir, "docker", "--stage", Name, "--mirror", fixture.Server.Url, "--keyring", fixture.Key.PublicKeyFile, "--recipe", "none", "--out", archive);

        Assert.True(run.ExitCode == 0, run.ToString());
        var labels = JsonDocument.Parse(ExternalTool.RunChecked("skopeo", "inspect", $"docker-archive:{archive}").Stdout).RootElement.GetProperty("Labels");
        AssertProvenance(key => labels.GetProperty(key).GetString());
        var manifest = JsonDocument.Parse(ExternalTool.RunChecked("skopeo", "inspect", "--raw", $"oci-archive:{archive}:latest").Stdout).RootElement;
        AssertProvenance(key => manifest.GetProperty("annotations").GetProperty(key).GetString());
    }

    [Fact]
    public async Task A_second_build_downloads_nothing()
    {
        fixture.Reset();
        using var dir = new TempDir("boxer-trusted-");
        string[] args = ["sif", "--stage", Name, "--mirror", fixture.Server.Url, "--keyring", fixture.Key.PublicKeyFile, "--recipe", "none", "--force"];
        var first = await BoxerAsync(dir, [.. args, "--out", dir.Combine("first.sif")]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Single(fixture.Server.Requests, r => r.Path == GentooMirror.TarballPath);
        fixture.Server.Requests_Clear();

        var second = await BoxerAsync(dir, [.. args, "--out", dir.Combine("second.sif")]);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Empty(fixture.Server.Requests);
        var inspect = await BoxerAsync(dir, "inspect", dir.Combine("second.sif"));
        Assert.Contains($"io.boxer.stage3.signer: {fixture.Key.Fingerprint}", inspect.StdOutLines);
        Assert.Contains($"io.boxer.stage3.source: {fixture.Mirror.TarballUrl}", inspect.StdOutLines);
        string deffile = ExternalTool.RunChecked("siftool", "dump", "1", dir.Combine("second.sif")).Stdout;
        Assert.Contains($"# io.boxer.stage3.sha512: {fixture.Mirror.Sha512}\n", deffile, StringComparison.Ordinal);
        string metadata = ExternalTool.RunChecked("siftool", "dump", "2", dir.Combine("second.sif")).Stdout;
        var siflabels = JsonDocument.Parse(metadata).RootElement.GetProperty("data").GetProperty("attributes").GetProperty("labels");
        AssertProvenance(key => siflabels.GetProperty(key).GetString());
    }

    [Fact]
    public async Task I_can_fetch_only_and_the_plan_inspect_and_json_result_name_the_stage()
    {
        fixture.Reset();
        using var dir = new TempDir("boxer-trusted-");
        string[] source = ["--mirror", fixture.Server.Url, "--keyring", fixture.Key.PublicKeyFile];

        var fetch = await BoxerAsync(dir, ["fetch", Name, "--out", dir.Path, .. source]);

        Assert.True(fetch.ExitCode == 0, fetch.ToString());
        Assert.Equal(fixture.Mirror.Tarball, File.ReadAllBytes(dir.Combine(GentooMirror.TarballName)));
        Assert.Contains($"signer: {fixture.Key.Fingerprint}", fetch.StdOutLines);

        var plan = await BoxerAsync(dir, ["sif", "--stage", Name, "--plan", .. source]);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains($"io.boxer.stage3.signer: {fixture.Key.Fingerprint}", plan.StdOutLines);

        var inspect = await BoxerAsync(dir, ["inspect", Name, .. source]);
        Assert.Contains($"signer:       {fixture.Key.Fingerprint}", inspect.StdOutLines);

        var json = await BoxerAsync(dir, ["sif", "--stage", Name, "--recipe", "none", "--out", dir.Combine("x.sif"), "--json", .. source]);
        var result = JsonDocument.Parse(json.StdOutLines[^1]).RootElement.GetProperty("stage");
        AssertProvenance(key => result.GetProperty(key).GetString());
    }

    [Fact]
    public async Task I_can_load_an_image_built_from_a_gentoo_name_and_its_labels_name_the_tarball()
    {
        fixture.Reset();
        using var dir = new TempDir("boxer-trusted-");
        string tag = $"boxer-trusted-spec:{Guid.NewGuid():N}";
        try
        {
            var run = await BoxerAsync(dir, "docker", "--stage", Name, "--mirror", fixture.Server.Url, "--keyring", fixture.Key.PublicKeyFile, "--recipe", "none", "--tag", tag);

            Assert.True(run.ExitCode == 0, run.ToString());
            var labels = JsonDocument.Parse(ExternalTool.RunChecked("docker", "image", "inspect", "--format", "{{json .Config.Labels}}", tag).Stdout).RootElement;
            AssertProvenance(key => labels.GetProperty(key).GetString());
        }
        finally
        {
            ExternalTool.Run("docker", ["image", "rm", "--force", tag]);
        }
    }

    [Theory]
    [InlineData("tampered", 3)]
    [InlineData("stranger", 3)]
    [InlineData("missing", 3)]
    [InlineData("unparsable", 2)]
    public async Task A_bad_stage_is_refused_in_one_line_with_its_exit_code_and_nothing_is_built(string fault, int exitCode)
    {
        fixture.Reset();
        using var dir = new TempDir("boxer-trusted-");
        string stage = Name;
        switch (fault)
        {
            case "tampered":
                var tampered = (byte[])fixture.Mirror.Tarball.Clone();
                tampered[^10] ^= 0x40;
                fixture.Server.Put(GentooMirror.TarballPath, tampered);
                break;
            case "stranger":
                fixture.Server.Put(GentooMirror.LatestPath, fixture.Stranger.ClearSign(GentooMirror.Latest($"{GentooMirror.Timestamp}/{GentooMirror.TarballName} {fixture.Mirror.Tarball.Length}")));
                break;
            case "missing":
                fixture.Server.Remove(GentooMirror.TarballPath);
                break;
            default:
                stage = "gentoo:amd64";
                break;
        }

        var run = await BoxerAsync(dir, "sif", "--stage", stage, "--mirror", fixture.Server.Url, "--keyring", fixture.Key.PublicKeyFile, "--recipe", "none", "--out", dir.Combine("x.sif"));

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Single(run.StdErrLines, l => l.StartsWith("boxer: ", StringComparison.Ordinal));
        Assert.False(File.Exists(dir.Combine("x.sif")));
        Assert.False(Directory.Exists(dir.Combine("cache", "boxer", "stages", "sha512")));
    }

    [Fact]
    public async Task Require_refuses_a_local_file_with_nothing_beside_it()
    {
        using var dir = new TempDir("boxer-trusted-");
        string stage = dir.Combine("stage3.tar.xz");
        File.WriteAllBytes(stage, fixture.Mirror.Tarball);

        var run = await BoxerAsync(dir, "sif", "--stage", stage, "--verify", "require", "--recipe", "none", "--out", dir.Combine("x.sif"));

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["boxer: stage3.tar.xz: no .DIGESTS, .asc or .sha256 to verify it with, and --verify require needs a trusted signature"], run.StdErrLines);
    }

    private void AssertProvenance(Func<string, string?> read)
    {
        Assert.Equal(fixture.Mirror.TarballUrl, read("io.boxer.stage3.source"));
        Assert.Equal(GentooMirror.TarballName, read("io.boxer.stage3.name"));
        Assert.Equal(fixture.Mirror.Tarball.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), read("io.boxer.stage3.size"));
        Assert.Equal(fixture.Mirror.Sha512, read("io.boxer.stage3.sha512"));
        Assert.Equal(fixture.Key.Fingerprint, read("io.boxer.stage3.signer"));
    }

    /// <summary>boxer with a stage cache in <paramref name="dir"/> kept across its runs (removed with the dir).</summary>
    private static Task<ProcessResult> BoxerAsync(TempDir dir, params string[] args) =>
        BoxerHost.RunAsync(args, new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = dir.Combine("cache") }, dir.Path);
}
