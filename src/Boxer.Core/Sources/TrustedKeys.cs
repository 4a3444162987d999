using Boxer.Core.Import;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Boxer.Core.Sources;

/// <summary>
/// The OpenPGP public keys boxer trusts: every key in the keyrings it was given. Trust is membership; there is
/// no web of trust, as a build server has no one to ask.
/// </summary>
public sealed class TrustedKeys
{
    /// <summary>Where Gentoo's <c>sec-keys/openpgp-keys-gentoo-release</c> package installs the release keys.</summary>
    public const string GentooPackageKey = "/usr/share/openpgp-keys/gentoo-release.asc";

    private readonly List<PgpPublicKeyRing> _rings;

    private TrustedKeys(List<PgpPublicKeyRing> rings, IReadOnlyList<string> files)
    {
        _rings = rings;
        Files = files;
    }

    /// <summary>The files the keys were read from, for messages.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Whether no key is trusted at all.</summary>
    public bool IsEmpty => _rings.Count == 0;

    /// <summary>
    /// Reads <see cref="SourceOptions.Keyrings"/> (each must exist) and every file of the
    /// <see cref="SourceOptions.DefaultKeyLocations"/> that exists (a directory: each file in it).
    /// </summary>
    /// <exception cref="StageException">A keyring is missing or is not an OpenPGP public keyring.</exception>
    public static TrustedKeys Load(SourceOptions options)
    {
        var files = new List<string>();
        foreach (var given in options.Keyrings)
        {
            files.Add(File.Exists(given) ? given : throw new StageException($"--keyring {given}: no such file"));
        }
        foreach (var location in options.DefaultKeyLocations)
        {
            if (Directory.Exists(location))
            {
                files.AddRange(Directory.GetFiles(location).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(location))
            {
                files.Add(location);
            }
        }
        var rings = new List<PgpPublicKeyRing>();
        foreach (var file in files)
        {
            rings.AddRange(Read(file));
        }
        return new TrustedKeys(rings, files);
    }

    /// <summary>The key with <paramref name="keyId"/> (a primary key or a subkey) and its ring's primary key, or null.</summary>
    public (PgpPublicKey Key, PgpPublicKey Primary)? Find(long keyId)
    {
        foreach (var ring in _rings)
        {
            if (ring.GetPublicKey(keyId) is { } key)
            {
                return (key, ring.GetPublicKey());
            }
        }
        return null;
    }

    /// <summary>A key's fingerprint as people compare them: 40 uppercase hex digits.</summary>
    public static string Fingerprint(PgpPublicKey key) => Convert.ToHexString(key.GetFingerprint());

    private static List<PgpPublicKeyRing> Read(string file)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(File.OpenRead(file));
            var rings = new PgpPublicKeyRingBundle(input).GetKeyRings().ToList();
            return rings.Count > 0 ? rings : throw new StageException($"keyring {file}: holds no public key");
        }
        catch (Exception e) when (e is PgpException or IOException or InvalidCastException or NotSupportedException)
        {
            throw new StageException($"keyring {file}: not an OpenPGP public keyring ({e.Message})", inner: e);
        }
    }
}
