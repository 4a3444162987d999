using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Boxer.Formats.Signing;

/// <summary>
/// An unlocked OpenPGP secret key that signs: the primary key when it may sign, else the first signing subkey.
/// The fingerprint is always the primary key's, as SIF signature descriptors record the signing entity.
/// </summary>
public sealed class OpenPgpSigningKey
{
    private readonly PgpPrivateKey _privateKey;
    private readonly PgpPublicKey _publicKey;

    private OpenPgpSigningKey(PgpPrivateKey privateKey, PgpPublicKey publicKey, byte[] entityFingerprint)
    {
        _privateKey = privateKey;
        _publicKey = publicKey;
        EntityFingerprint = entityFingerprint;
    }

    /// <summary>The primary key's fingerprint (20 bytes for a v4 key).</summary>
    public byte[] EntityFingerprint { get; }

    /// <summary>Reads and unlocks the first secret key ring in <paramref name="keyBytes"/>.</summary>
    /// <param name="keyBytes">An OpenPGP secret key, armored or binary.</param>
    /// <param name="passphrase">Its passphrase; empty for an unprotected key.</param>
    /// <param name="source">The key's file name, for messages.</param>
    /// <returns>The key, ready to sign.</returns>
    /// <exception cref="SigningKeyException">Not an OpenPGP secret key, no key that may sign, or a wrong passphrase.</exception>
    public static OpenPgpSigningKey Load(byte[] keyBytes, string passphrase, string source)
    {
        PgpSecretKeyRing ring;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(keyBytes, writable: false));
            ring = new PgpSecretKeyRingBundle(input).GetKeyRings().FirstOrDefault()
                ?? throw new SigningKeyException($"{source} holds no OpenPGP secret key");
        }
        catch (Exception error) when (error is PgpException or IOException)
        {
            throw new SigningKeyException($"{source} is not an OpenPGP secret key", error);
        }
        var primary = ring.GetSecretKey();
        var signing = (primary.IsSigningKey ? primary : null)
            ?? ring.GetSecretKeys().FirstOrDefault(k => k.IsSigningKey && !k.IsPrivateKeyEmpty)
            ?? throw new SigningKeyException($"{source} has no secret key that may sign");
        try
        {
            var privateKey = signing.ExtractPrivateKeyUtf8(passphrase.ToCharArray())
                ?? throw new SigningKeyException($"{source} holds no private key material (a stub exported from a smartcard?)");
            return new OpenPgpSigningKey(privateKey, signing.PublicKey, primary.PublicKey.GetFingerprint());
        }
        catch (PgpException error)
        {
            throw new SigningKeyException(
                passphrase.Length == 0 ? $"{source} is protected by a passphrase; give it with --sign-key-password-stdin or BOXER_SIGN_KEY_PASSWORD"
                                       : $"wrong passphrase for {source}", error);
        }
    }

    /// <summary>Signs <paramref name="text"/> as an OpenPGP clear-signed message (SHA-256, canonical text).</summary>
    /// <param name="text">The message; one line of JSON for a SIF.</param>
    /// <param name="created">The signature's creation time (SOURCE_DATE_EPOCH for a reproducible build).</param>
    /// <returns>The whole clear-signed message, ASCII.</returns>
    public byte[] ClearSign(string text, DateTimeOffset created)
    {
        var generator = new PgpSignatureGenerator(_publicKey.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.CanonicalTextDocument, _privateKey);
        var subpackets = new PgpSignatureSubpacketGenerator();
        subpackets.SetSignatureCreationTime(false, created.UtcDateTime);
        generator.SetHashedSubpackets(subpackets.Generate());
        var unhashed = new PgpSignatureSubpacketGenerator();
        unhashed.SetIssuerKeyID(false, _publicKey.KeyId);
        generator.SetUnhashedSubpackets(unhashed.Generate());
        generator.Update(ClearSignedMessage.CanonicalText(text));
        return ClearSignedMessage.Format(text, generator.Generate());
    }
}
