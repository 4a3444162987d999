using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Sources;
using Boxer.Core.Tests.Sources.Support;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sources;

/// <summary>
/// Every bad case of a fetched stage is refused in one line naming what is wrong (and the URL, for the
/// network's faults), and leaves nothing in the cache that could be taken for a stage.
/// </summary>
public sealed class RefusalSpecs(MirrorFixture fixture) : IClassFixture<MirrorFixture>
{
    private const string Name = "gentoo:amd64-openrc";
    private const string Digests = GentooMirror.TarballPath + ".DIGESTS";

    private GentooMirror Mirror => fixture.Mirror;

    [Fact]
    public async Task A_digest_mismatch_names_both_digests()
    {
        fixture.Reset();
        string wrong = new('a', 128);
        fixture.Server.Put(Digests, fixture.Key.ClearSign(GentooMirror.Digests(GentooMirror.TarballName, Mirror.Tarball, sha512: wrong)));

        var message = await RefusedAsync();

        Assert.Contains($"SHA512 digest mismatch: {Mirror.TarballUrl}.DIGESTS expects {wrong}, the file has {Mirror.Sha512}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_byte_in_the_tarball_is_refused()
    {
        fixture.Reset();
        var tampered = (byte[])Mirror.Tarball.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        fixture.Server.Put(GentooMirror.TarballPath, tampered);

        var message = await RefusedAsync();

        Assert.Contains("digest mismatch", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_detached_signature_over_other_bytes_is_invalid()
    {
        fixture.Reset();
        fixture.Server.Put(GentooMirror.TarballPath + ".asc", fixture.Key.DetachSign([1, 2, 3]));

        var message = await RefusedAsync();

        Assert.Contains($"{Mirror.TarballUrl}.asc: the signature is invalid", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_signed_text_changed_after_signing_is_invalid()
    {
        fixture.Reset();
        var signed = fixture.Key.ClearSign(GentooMirror.Latest($"{GentooMirror.Timestamp}/{GentooMirror.TarballName} {Mirror.Tarball.Length}"));
        fixture.Server.Put(GentooMirror.LatestPath, signed.Replace($" {Mirror.Tarball.Length}", $" {Mirror.Tarball.Length + 1}", StringComparison.Ordinal));

        var message = await RefusedAsync();

        Assert.Contains($"{fixture.Server.Url}{GentooMirror.LatestPath}: the signature is invalid", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_by_a_key_not_trusted_prints_its_fingerprint_and_how_to_trust_it()
    {
        fixture.Reset();
        fixture.Server.Put(GentooMirror.LatestPath, fixture.Stranger.ClearSign(GentooMirror.Latest($"{GentooMirror.Timestamp}/{GentooMirror.TarballName} {Mirror.Tarball.Length}")));

        var message = await RefusedAsync();

        Assert.Contains($"signed by key {fixture.Stranger.Fingerprint}, which is not trusted", message, StringComparison.Ordinal);
        Assert.Contains("--keyring FILE", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_by_an_expired_key_is_refused()
    {
        fixture.Reset();
        using var expired = new GpgKey("expired release", fakedTime: "20200101T000000", expire: "1d");
        fixture.Server.Put(GentooMirror.LatestPath, expired.ClearSign(GentooMirror.Latest($"{GentooMirror.Timestamp}/{GentooMirror.TarballName} {Mirror.Tarball.Length}")));

        var message = await RefusedAsync(o => o with { Keyrings = [fixture.Key.PublicKeyFile, expired.PublicKeyFile] });

        Assert.Contains($"signed by key {expired.Fingerprint}, which expired on 2020-01-02", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digests_that_do_not_name_the_tarball_are_refused_before_it_is_downloaded()
    {
        fixture.Reset();
        fixture.Server.Put(Digests, fixture.Key.ClearSign(GentooMirror.Digests("stage3-amd64-systemd-20261130T170351Z.tar.xz", Mirror.Tarball)));

        var message = await RefusedAsync();

        Assert.Contains($"{Mirror.TarballUrl}.DIGESTS: names no digest of {GentooMirror.TarballName}", message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Requests, r => r.Path == GentooMirror.TarballPath);
    }

    [Fact]
    public async Task Unsigned_digests_of_a_fetched_stage_are_not_enough()
    {
        fixture.Reset();
        fixture.Server.Put(Digests, GentooMirror.Digests(GentooMirror.TarballName, Mirror.Tarball));
        fixture.Server.Remove(GentooMirror.TarballPath + ".asc");
        fixture.Server.Remove(GentooMirror.TarballPath + ".sha256");

        var message = await RefusedAsync();

        Assert.Contains("nothing signed its digests", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_latest_file_without_a_tarball_line_is_refused()
    {
        fixture.Reset();
        fixture.Server.Put(GentooMirror.LatestPath, fixture.Key.ClearSign("# Latest as of Mon, 30 Nov 2026\n# ts=1795976631\n"));

        var message = await RefusedAsync();

        Assert.Contains($"{fixture.Server.Url}{GentooMirror.LatestPath}: no tarball line", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_names_the_url()
    {
        fixture.Reset();
        fixture.Server.Remove(GentooMirror.LatestPath);

        var message = await RefusedAsync();

        Assert.Equal($"{fixture.Server.Url}{GentooMirror.LatestPath}: HTTP 404 Not Found", message);
    }

    [Fact]
    public async Task A_500_is_retried_then_names_the_url()
    {
        fixture.Reset();
        fixture.Server.Fault(GentooMirror.TarballPath, context =>
        {
            context.Response.StatusCode = 500;
            return Task.FromResult(true);
        });

        var message = await RefusedAsync();

        Assert.Equal($"{Mirror.TarballUrl}: HTTP 500 Internal Server Error (tried 3 times)", message);
        Assert.Equal(3, fixture.Server.Requests.Count(r => r.Path == GentooMirror.TarballPath));
    }

    [Fact]
    public async Task A_silent_server_times_out_naming_the_url()
    {
        fixture.Reset();
        fixture.Server.Fault(GentooMirror.LatestPath, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { });
            return true;
        });

        var message = await RefusedAsync(o => o with { Timeout = TimeSpan.FromMilliseconds(500), Attempts = 2 });

        Assert.Equal($"{fixture.Server.Url}{GentooMirror.LatestPath}: timed out after 0.5 s (tried 2 times)", message);
    }

    [Fact]
    public async Task A_body_that_always_ends_early_is_refused_as_truncated()
    {
        fixture.Reset();
        fixture.Server.CutAfter(GentooMirror.TarballPath, 100_000);

        var message = await RefusedAsync(o => o with { Attempts = 2 });

        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(Mirror.TarballUrl)}: the body ended after [0-9]+ of {Mirror.Tarball.Length} bytes \(truncated", message);
        Assert.EndsWith("(tried 2 times)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_loop_names_the_url()
    {
        fixture.Reset();
        fixture.Server.Fault(GentooMirror.LatestPath, context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = GentooMirror.LatestPath;
            return Task.FromResult(true);
        });

        var message = await RefusedAsync();

        Assert.StartsWith($"{fixture.Server.Url}{GentooMirror.LatestPath}: too many redirects", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tls_error_names_the_url()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
        await using var tls = await MirrorServer.StartAsync(certificate);
        using var cache = new TempDir();
        string url = tls.Url.Replace("http://", "https://", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<StageException>(() =>
            StageResolver.ResolveAsync(Name, fixture.Options(cache) with { Mirror = url }, new EventRecorder(), default));

        Assert.StartsWith($"{url}{GentooMirror.LatestPath}: TLS error: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gentoo:")]
    [InlineData("gentoo:amd64")]
    [InlineData("gentoo:amd64-")]
    [InlineData("gentoo:AMD64-openrc")]
    [InlineData("gentoo:../amd64-openrc")]
    [InlineData("gentoo:amd64-openrc@yesterday")]
    [InlineData("gentoo:sparc32-openrc")]
    public async Task A_gentoo_name_that_does_not_parse_is_a_usage_error(string name)
    {
        using var cache = new TempDir();

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            StageResolver.ResolveAsync(name, fixture.Options(cache), new EventRecorder(), default));

        Assert.StartsWith($"--stage {name}: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    /// <summary>Resolves the name, expecting a refusal; checks nothing usable was cached; returns the one line.</summary>
    private async Task<string> RefusedAsync(Func<SourceOptions, SourceOptions>? adjust = null)
    {
        using var cache = new TempDir();
        var options = fixture.Options(cache);
        var error = await Assert.ThrowsAsync<StageException>(() =>
            StageResolver.ResolveAsync(Name, adjust?.Invoke(options) ?? options, new EventRecorder(), default));
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(cache.Combine("stages", "sha512")), "a refused stage was cached");
        Assert.False(Directory.Exists(cache.Combine("stages", "refs")), "a refused stage was recorded");
        return error.Message;
    }
}
