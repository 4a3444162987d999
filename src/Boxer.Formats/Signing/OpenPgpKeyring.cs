using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Boxer.Formats.Signing;

/// <summary>OpenPGP public keys trusted to sign: what <c>boxer verify --keyring</c> reads.</summary>
public sealed class OpenPgpKeyring
{
    private readonly List<PgpPublicKeyRing> _rings = [];

    /// <summary>Public key rings read so far.</summary>
    public int Count => _rings.Count;

    /// <summary>Adds the public keys in <paramref name="keyBytes"/> (armored or binary, one or more keys).</summary>
    /// <param name="keyBytes">The key file's bytes.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <exception cref="SigningKeyException">No OpenPGP public key can be read from it.</exception>
    public void Add(byte[] keyBytes, string source)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(keyBytes, writable: false));
            var rings = new PgpPublicKeyRingBundle(input).GetKeyRings().ToList();
            if (rings.Count == 0)
            {
                throw new SigningKeyException($"{source} holds no OpenPGP public key");
            }
            _rings.AddRange(rings);
        }
        catch (Exception error) when (error is PgpException or IOException or ArgumentException)
        {
            throw new SigningKeyException($"{source} is not an OpenPGP public key or keyring", error);
        }
    }

    /// <summary>
    /// Checks <paramref name="message"/>'s signature with the key that made it.
    /// </summary>
    /// <param name="message">A clear-signed message.</param>
    /// <returns>The signing entity's primary key fingerprint, or null when no key here made a valid signature.</returns>
    public byte[]? Verify(ClearSignedMessage message)
    {
        var signature = message.Signature;
        foreach (var ring in _rings)
        {
            var key = ring.GetPublicKey(signature.KeyId);
            if (key is null)
            {
                continue;
            }
            signature.InitVerify(key);
            signature.Update(ClearSignedMessage.CanonicalText(message.Text));
            if (signature.Verify())
            {
                return ring.GetPublicKey().GetFingerprint();
            }
        }
        return null;
    }
}
