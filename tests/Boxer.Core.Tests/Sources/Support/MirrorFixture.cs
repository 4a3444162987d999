using Boxer.Core.Sources;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sources.Support;

/// <summary>
/// One signing key, one stranger's key and one Kestrel mirror serving the basic fixture as a Gentoo autobuild,
/// shared by a spec class (gpg and the server are the slow parts). <see cref="Reset"/> puts the tree back
/// as published and forgets the requests, for each spec.
/// </summary>
public sealed class MirrorFixture : IAsyncLifetime
{
    public GpgKey Key { get; } = new("boxer release");

    public GpgKey Stranger { get; } = new("someone else");

    public MirrorServer Server { get; private set; } = null!;

    public GentooMirror Mirror { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await MirrorServer.StartAsync();
        Mirror = new GentooMirror(Server, Key, File.ReadAllBytes(Boxer.TestSupport.Fixtures.Basic("xz")));
    }

    /// <summary>The tree as published, every fault healed, no request counted.</summary>
    public void Reset()
    {
        Server.HealAll();
        Mirror.Publish(Mirror.Tarball);
        Server.Requests_Clear();
    }

    /// <summary>Options for a spec: this mirror, the key as the one trusted keyring, a private cache, quick retries.</summary>
    public SourceOptions Options(TempDir cache) => new()
    {
        Mirror = Server.Url,
        Keyrings = [Key.PublicKeyFile],
        CacheDirectory = cache.Combine("stages"),
        Timeout = TimeSpan.FromSeconds(5),
        Attempts = 3,
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Key.Dispose();
        Stranger.Dispose();
    }
}
