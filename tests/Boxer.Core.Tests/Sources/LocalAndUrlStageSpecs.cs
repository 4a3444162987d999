using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Sources;
using Boxer.Core.Tests.Sources.Support;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sources;

/// <summary>
/// A local file and a plain URL are verified by what lies beside them (.DIGESTS, .asc, .sha256), and without
/// it build with one warning, recorded as unverified; <c>--verify require</c> refuses them then.
/// </summary>
public sealed class LocalAndUrlStageSpecs(MirrorFixture fixture) : IClassFixture<MirrorFixture>
{
    private const string Name = "stage3-local.tar.xz";

    [Fact]
    public async Task A_local_file_with_signed_sidecars_is_verified()
    {
        using var dir = new TempDir();
        string path = Local(dir, withDigests: true, withSignature: true);

        var stage = await StageResolver.ResolveAsync(path, fixture.Options(dir), new EventRecorder(), default);

        Assert.Equal(path, stage.Path);
        Assert.Equal(new StageProvenance { Source = path, Name = Name, Size = fixture.Mirror.Tarball.Length, Sha512 = fixture.Mirror.Sha512, Signer = fixture.Key.Fingerprint }, stage.Provenance);
    }

    [Fact]
    public async Task A_local_file_without_sidecars_builds_with_one_warning_and_is_recorded_unverified()
    {
        using var dir = new TempDir();
        string path = Local(dir, withDigests: false, withSignature: false);
        var events = new EventRecorder();

        var stage = await StageResolver.ResolveAsync(path, fixture.Options(dir), events, default);

        Assert.Equal(StageProvenance.Unverified, stage.Provenance.Signer);
        Assert.Equal(fixture.Mirror.Sha512, stage.Provenance.Sha512);
        var warning = Assert.Single(events.Events.OfType<LogMessage>(), m => m.Level == BuildLogLevel.Warning);
        Assert.Equal($"{Name}: no .DIGESTS, .asc or .sha256 beside it; building it unverified", warning.Message);
    }

    [Fact]
    public async Task Require_refuses_a_local_file_nothing_signed()
    {
        using var dir = new TempDir();
        string path = Local(dir, withDigests: false, withSignature: false);
        File.WriteAllText(path + ".DIGESTS", GentooMirror.Digests(Name, fixture.Mirror.Tarball));

        var error = await Assert.ThrowsAsync<StageException>(() => StageResolver.ResolveAsync(
            path, fixture.Options(dir) with { Verify = VerifyMode.Require }, new EventRecorder(), default));

        Assert.Equal($"{Name}: nothing signed its digests, and --verify require needs a trusted signature", error.Message);
    }

    [Fact]
    public async Task Off_checks_nothing_and_warns_once()
    {
        using var dir = new TempDir();
        string path = Local(dir, withDigests: false, withSignature: false);
        File.WriteAllText(path + ".DIGESTS", GentooMirror.Digests(Name, [1, 2, 3]));
        var events = new EventRecorder();

        var stage = await StageResolver.ResolveAsync(path, fixture.Options(dir) with { Verify = VerifyMode.Off }, events, default);

        Assert.Equal(StageProvenance.Unverified, stage.Provenance.Signer);
        Assert.Equal($"{Name}: not verified (--verify off)", Assert.Single(events.Events.OfType<LogMessage>()).Message);
    }

    [Fact]
    public async Task A_local_file_that_does_not_match_its_digests_is_refused()
    {
        using var dir = new TempDir();
        string path = Local(dir, withDigests: true, withSignature: false);
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 0xff;
        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<StageException>(() => StageResolver.ResolveAsync(path, fixture.Options(dir), new EventRecorder(), default));

        Assert.StartsWith($"{Name}: BLAKE2B digest mismatch: {path}.DIGESTS expects ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_url_is_verified_by_the_sidecars_at_the_same_url_plus_their_suffix()
    {
        fixture.Reset();
        using var dir = new TempDir();
        fixture.Server.Put("/plain/" + Name, fixture.Mirror.Tarball);
        fixture.Server.Put($"/plain/{Name}.sha256", fixture.Key.ClearSign($"{GentooMirror.Sum("sha256sum", fixture.Mirror.Tarball)}  {Name}\n"));
        string url = $"{fixture.Server.Url}/plain/{Name}";

        var stage = await StageResolver.ResolveAsync(url, fixture.Options(dir), new EventRecorder(), default);

        Assert.Equal(fixture.Key.Fingerprint, stage.Provenance.Signer);
        Assert.Equal(url, stage.Provenance.Source);
        Assert.Contains(fixture.Server.Requests, r => r.Path == $"/plain/{Name}.DIGESTS");
    }

    [Fact]
    public async Task A_plain_url_without_sidecars_is_fetched_unverified_with_a_warning()
    {
        fixture.Reset();
        using var dir = new TempDir();
        fixture.Server.Put("/bare/" + Name, fixture.Mirror.Tarball);
        var events = new EventRecorder();

        var stage = await StageResolver.ResolveAsync($"{fixture.Server.Url}/bare/{Name}", fixture.Options(dir), events, default);

        Assert.Equal(StageProvenance.Unverified, stage.Provenance.Signer);
        Assert.Single(events.Events.OfType<LogMessage>(), m => m.Level == BuildLogLevel.Warning);
    }

    private string Local(TempDir dir, bool withDigests, bool withSignature)
    {
        string path = dir.Combine(Name);
        File.WriteAllBytes(path, fixture.Mirror.Tarball);
        if (withDigests)
        {
            File.WriteAllText(path + ".DIGESTS", fixture.Key.ClearSign(GentooMirror.Digests(Name, fixture.Mirror.Tarball)));
        }
        if (withSignature)
        {
            File.WriteAllBytes(path + ".asc", fixture.Key.DetachSign(fixture.Mirror.Tarball));
        }
        return path;
    }
}
