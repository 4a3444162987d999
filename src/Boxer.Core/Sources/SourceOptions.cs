namespace Boxer.Core.Sources;

/// <summary>
/// How <c>--stage</c> values are resolved: the Gentoo mirror, the verification mode, the trusted keys, the
/// cache, and the patience of the downloader. <see cref="FromEnvironment"/> fills the defaults boxer documents.
/// </summary>
public sealed record SourceOptions
{
    /// <summary>The Gentoo mirror's base URL (<c>--mirror</c>); null to take <see cref="MirrorSettings"/>' choice.</summary>
    public string? Mirror { get; init; }

    /// <summary>How much checking a stage gets.</summary>
    public VerifyMode Verify { get; init; } = VerifyMode.Auto;

    /// <summary>Keyring files the user named (<c>--keyring</c>), armored or binary: a missing one is an error.</summary>
    public IReadOnlyList<string> Keyrings { get; init; } = [];

    /// <summary>
    /// Keyrings read when present: every file in the user's key directory and the key Gentoo's
    /// <c>openpgp-keys-gentoo-release</c> package installs.
    /// </summary>
    public IReadOnlyList<string> DefaultKeyLocations { get; init; } = [];

    /// <summary>Ask the mirror again even when the cache knows the name (<c>--refresh</c>).</summary>
    public bool Refresh { get; init; }

    /// <summary>Where verified tarballs and partial downloads are kept.</summary>
    public string CacheDirectory { get; init; } = "";

    /// <summary>The config file that may name the mirror; null for none.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The value of <c>BOXER_GENTOO_MIRROR</c>, when set.</summary>
    public string? MirrorVariable { get; init; }

    /// <summary>How long a request may wait for its response or for the next bytes of its body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a download is tried before a transient error is final.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The wait before the first retry; it doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The options boxer documents, from <c>XDG_CACHE_HOME</c>, <c>XDG_CONFIG_HOME</c>, <c>HOME</c> and <c>BOXER_GENTOO_MIRROR</c>.</summary>
    public static SourceOptions FromEnvironment()
    {
        string home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } c ? c : Path.Combine(home, ".cache");
        string config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } g ? g : Path.Combine(home, ".config");
        return new SourceOptions
        {
            CacheDirectory = Path.Combine(cache, "boxer", "stages"),
            ConfigFile = Path.Combine(config, "boxer", "config"),
            MirrorVariable = Environment.GetEnvironmentVariable("BOXER_GENTOO_MIRROR") is { Length: > 0 } m ? m : null,
            DefaultKeyLocations = [Path.Combine(config, "boxer", "keys"), TrustedKeys.GentooPackageKey],
        };
    }
}
