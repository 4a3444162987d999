using System.Text;
using Boxer.Core.Import;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;

namespace Boxer.Core.Sources;

/// <summary>
/// One OpenPGP signature being checked against <see cref="TrustedKeys"/>: started from the signature's bytes
/// (which names the key, so an untrusted key is refused before any data is read), fed the signed data, then
/// <see cref="Finish"/>ed. Every refusal is a <see cref="StageException"/> naming what was signed.
/// </summary>
public sealed class SignatureCheck
{
    private readonly PgpSignature _signature;
    private readonly string _what;

    private SignatureCheck(PgpSignature signature, string fingerprint, string what)
    {
        _signature = signature;
        Signer = fingerprint;
        _what = what;
    }

    /// <summary>The fingerprint of the trusted primary key that made the signature.</summary>
    public string Signer { get; }

    /// <summary>Reads a signature (armored or binary) and finds its trusted, unexpired, unrevoked key.</summary>
    /// <param name="signature">The signature's bytes (an <c>.asc</c> file, or a clear-signed message's block).</param>
    /// <param name="keys">The trusted keys.</param>
    /// <param name="what">What the signature covers, for the message.</param>
    /// <exception cref="StageException">Not a signature; made by a key that is not trusted, expired or revoked.</exception>
    public static SignatureCheck Start(byte[] signature, TrustedKeys keys, string what)
    {
        var parsed = ReadSignature(signature, what);
        if (keys.Find(parsed.KeyId) is not var (key, primary))
        {
            throw new StageException(
                $"{what}: signed by key {IssuerOf(parsed)}, which is not trusted; if you trust it, pass its public key with --keyring FILE or put it in ~/.config/boxer/keys/"
                + (keys.IsEmpty ? " (no trusted key was found)" : ""));
        }
        string fingerprint = TrustedKeys.Fingerprint(primary);
        foreach (var k in new[] { key, primary }.Distinct())
        {
            if (k.HasRevocation())
            {
                throw new StageException($"{what}: signed by key {fingerprint}, which is revoked");
            }
            if (k.GetValidSeconds() is > 0 and var valid && k.CreationTime.AddSeconds(valid) < DateTime.UtcNow)
            {
                throw new StageException($"{what}: signed by key {fingerprint}, which expired on {k.CreationTime.AddSeconds(valid):yyyy-MM-dd}");
            }
        }
        parsed.InitVerify(key);
        return new SignatureCheck(parsed, fingerprint, what);
    }

    /// <summary>Checks a clear-signed message and returns its text.</summary>
    /// <exception cref="StageException">The message or its signature is bad, or its key is not trusted.</exception>
    public static (string Text, string Signer) VerifyClearSigned(string message, TrustedKeys keys, string what)
    {
        var parts = ClearSignedMessage.Parse(message, what);
        var check = Start(Encoding.UTF8.GetBytes(parts.SignatureArmor), keys, what);
        check.Update(parts.SignedBytes, 0, parts.SignedBytes.Length);
        check.Finish();
        return (parts.Text, check.Signer);
    }

    /// <summary>Feeds signed data.</summary>
    public void Update(byte[] buffer, int offset, int count) => _signature.Update(buffer, offset, count);

    /// <summary>Ends the check.</summary>
    /// <exception cref="StageException">The signature does not match the data.</exception>
    public void Finish()
    {
        if (!_signature.Verify())
        {
            throw new StageException($"{_what}: the signature is invalid (made by {Signer}, but not over these bytes)");
        }
    }

    private static PgpSignature ReadSignature(byte[] bytes, string what)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(bytes));
            var factory = new PgpObjectFactory(input);
            for (var item = factory.NextPgpObject(); item is not null; item = factory.NextPgpObject())
            {
                if (item is PgpSignatureList { Count: > 0 } list)
                {
                    return list[0];
                }
            }
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException)
        {
            throw new StageException($"{what}: the signature cannot be read ({e.Message})", inner: e);
        }
        throw new StageException($"{what}: holds no OpenPGP signature");
    }

    /// <summary>The issuer's fingerprint when the signature carries it (GnuPG 2.1+), else its key ID.</summary>
    private static string IssuerOf(PgpSignature signature)
    {
        var subpackets = signature.GetHashedSubPackets();
        if (subpackets?.GetSubpacket(SignatureSubpacketTag.IssuerFingerprint) is IssuerFingerprint issuer)
        {
            return Convert.ToHexString(issuer.GetFingerprint());
        }
        return signature.KeyId.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
