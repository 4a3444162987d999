using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Sources;
using Boxer.Core.Tests.Sources.Support;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sources;

/// <summary>A gentoo: name fetched from a real HTTP mirror (loopback), verified against gpg's signatures, cached by digest.</summary>
public sealed class GentooFetchSpecs(MirrorFixture fixture) : IClassFixture<MirrorFixture>
{
    private const string Name = "gentoo:amd64-openrc";

    [Fact]
    public async Task I_can_fetch_a_stage_by_name_and_it_is_verified_and_recorded()
    {
        fixture.Reset();
        using var cache = new TempDir();
        var events = new EventRecorder();

        var stage = await StageResolver.ResolveAsync(Name, fixture.Options(cache), events, default);

        Assert.Equal(fixture.Mirror.Tarball, File.ReadAllBytes(stage.Path));
        Assert.Equal(new StageProvenance
        {
            Source = fixture.Mirror.TarballUrl,
            Name = GentooMirror.TarballName,
            Size = fixture.Mirror.Tarball.Length,
            Sha512 = fixture.Mirror.Sha512,
            Signer = fixture.Key.Fingerprint,
        }, stage.Provenance);
        Assert.StartsWith(cache.Combine("stages", "sha512", fixture.Mirror.Sha512), stage.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(events.Events, e => e is LogMessage { Level: BuildLogLevel.Warning });
        Assert.Contains(events.Events, e => e is PhaseCompleted { Phase: "stage:fetch" });
        BuildEventOrder.AssertInOrder(events.Events);
    }

    [Fact]
    public async Task A_second_resolution_asks_the_mirror_nothing_and_refresh_asks_without_downloading_again()
    {
        fixture.Reset();
        using var cache = new TempDir();
        var options = fixture.Options(cache);
        var first = await StageResolver.ResolveAsync(Name, options, new EventRecorder(), default);
        Assert.Single(fixture.Server.Requests, r => r.Path == GentooMirror.TarballPath);
        fixture.Server.Requests_Clear();

        var second = await StageResolver.ResolveAsync(Name, options, new EventRecorder(), default);

        Assert.Empty(fixture.Server.Requests);
        Assert.Equal(first, second);

        var refreshed = await StageResolver.ResolveAsync(Name, options with { Refresh = true }, new EventRecorder(), default);

        Assert.Contains(fixture.Server.Requests, r => r.Path == GentooMirror.LatestPath);
        Assert.DoesNotContain(fixture.Server.Requests, r => r.Path == GentooMirror.TarballPath);
        Assert.Equal(first, refreshed);
    }

    [Fact]
    public async Task A_timestamped_name_fetches_that_build_without_the_latest_file()
    {
        fixture.Reset();
        using var cache = new TempDir();

        var stage = await StageResolver.ResolveAsync($"{Name}@{GentooMirror.Timestamp}", fixture.Options(cache), new EventRecorder(), default);

        Assert.Equal(fixture.Mirror.Sha512, stage.Provenance.Sha512);
        Assert.DoesNotContain(fixture.Server.Requests, r => r.Path == GentooMirror.LatestPath);
    }

    [Fact]
    public async Task A_body_cut_short_is_resumed_with_a_range_request()
    {
        fixture.Reset();
        using var cache = new TempDir();
        int size = fixture.Mirror.Tarball.Length;
        fixture.Server.CutAfter(GentooMirror.TarballPath, size / 3, times: 1);

        var stage = await StageResolver.ResolveAsync(Name, fixture.Options(cache), new EventRecorder(), default);

        Assert.Equal(fixture.Mirror.Sha512, stage.Provenance.Sha512);
        var tarball = fixture.Server.Requests.Where(r => r.Path == GentooMirror.TarballPath).ToList();
        Assert.Equal(2, tarball.Count);
        Assert.Null(tarball[0].Range);
        // The client holds what arrived before the reset (the kernel may drop what was in flight), and asks for the rest.
        Assert.InRange(RangeStart(tarball[1].Range), 1, size / 3);
        Assert.True(fixture.Server.BodyBytes < size + size / 3 + 1, $"sent {fixture.Server.BodyBytes} bytes for a {size}-byte tarball");
        Assert.Empty(Directory.GetFiles(cache.Combine("stages", "partial")));
    }

    [Fact]
    public async Task A_download_cut_short_in_one_run_is_resumed_by_the_next_and_never_taken_for_a_stage_before()
    {
        fixture.Reset();
        using var cache = new TempDir();
        var options = fixture.Options(cache) with { Attempts = 1 };
        int size = fixture.Mirror.Tarball.Length;
        fixture.Server.CutAfter(GentooMirror.TarballPath, size / 2);

        var error = await Assert.ThrowsAsync<Boxer.Core.Import.StageException>(() =>
            StageResolver.ResolveAsync(Name, options, new EventRecorder(), default));

        Assert.Contains(fixture.Mirror.TarballUrl, error.Message, StringComparison.Ordinal);
        Assert.Contains("(truncated", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cache.Combine("stages", "sha512")));
        Assert.False(Directory.Exists(cache.Combine("stages", "refs")));
        var part = Assert.Single(Directory.GetFiles(cache.Combine("stages", "partial")));
        long kept = new FileInfo(part).Length;
        Assert.InRange(kept, 1, size / 2);

        fixture.Server.HealAll();
        fixture.Server.Requests_Clear();
        var stage = await StageResolver.ResolveAsync(Name, options, new EventRecorder(), default);

        Assert.Equal(fixture.Mirror.Sha512, stage.Provenance.Sha512);
        Assert.Equal($"bytes={kept}-", Assert.Single(fixture.Server.Requests, r => r.Path == GentooMirror.TarballPath).Range);
        Assert.False(File.Exists(part));
    }

    private static long RangeStart(string? range) =>
        range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-') ? long.Parse(range[6..^1]) : -1;

    [Fact]
    public async Task The_key_may_be_a_binary_keyring()
    {
        fixture.Reset();
        using var cache = new TempDir();

        var stage = await StageResolver.ResolveAsync(Name, fixture.Options(cache) with { Keyrings = [fixture.Key.BinaryKeyFile] }, new EventRecorder(), default);

        Assert.Equal(fixture.Key.Fingerprint, stage.Provenance.Signer);
    }

    [Fact]
    public async Task The_mirror_comes_from_the_variable_then_the_config_file()
    {
        fixture.Reset();
        using var cache = new TempDir();
        File.WriteAllText(cache.Combine("config"), $"# boxer\ngentoo-mirror = {fixture.Server.Url}\n");
        var options = fixture.Options(cache) with { Mirror = null, ConfigFile = cache.Combine("config") };

        var fromConfig = await StageResolver.ResolveAsync(Name, options, new EventRecorder(), default);

        Assert.Equal(fixture.Mirror.TarballUrl, fromConfig.Provenance.Source);
        Assert.Equal(new Uri("http://mirror.invalid"), MirrorSettings.Resolve(options with { MirrorVariable = "http://mirror.invalid/" }));
        Assert.Equal(new Uri(MirrorSettings.DefaultMirror), MirrorSettings.Resolve(options with { ConfigFile = null }));
        Assert.Throws<UsageException>(() => MirrorSettings.Resolve(options with { Mirror = "ftp://mirror.invalid" }));
    }
}
