using System.Security.Cryptography;
using System.Text;

namespace Boxer.Formats.Signing;

/// <summary>
/// An ECDSA P-256 private key from PEM, as <c>openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256</c>
/// writes it (PKCS#8, also encrypted PKCS#8 or SEC1 "EC PRIVATE KEY"): what cosign signs images with.
/// </summary>
public sealed class EcdsaSigningKey : IDisposable
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly ECDsa _key;

    private EcdsaSigningKey(ECDsa key) => _key = key;

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), for <c>openssl dgst -verify</c> and <c>cosign verify --key</c>.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Reads and, if encrypted, decrypts a PEM private key.</summary>
    /// <param name="keyBytes">The PEM file's bytes.</param>
    /// <param name="passphrase">The passphrase of an encrypted key; empty for none.</param>
    /// <param name="source">The key's file name, for messages.</param>
    /// <returns>The key.</returns>
    /// <exception cref="SigningKeyException">Not a PEM EC key, not P-256, or a wrong or missing passphrase.</exception>
    public static EcdsaSigningKey Load(byte[] keyBytes, string passphrase, string source)
    {
        string pem = Encoding.ASCII.GetString(keyBytes);
        var key = ECDsa.Create();
        try
        {
            if (pem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
            {
                if (passphrase.Length == 0)
                {
                    throw new SigningKeyException($"{source} is encrypted; give its passphrase with --sign-key-password-stdin or BOXER_SIGN_KEY_PASSWORD");
                }
                key.ImportFromEncryptedPem(pem, passphrase);
            }
            else
            {
                key.ImportFromPem(pem);
            }
        }
        catch (CryptographicException error)
        {
            key.Dispose();
            throw new SigningKeyException(pem.Contains("ENCRYPTED", StringComparison.Ordinal)
                ? $"wrong passphrase for {source} (or not an EC key)"
                : $"{source} is not a PEM EC private key", error);
        }
        catch (Exception error) when (error is ArgumentException or SigningKeyException)
        {
            key.Dispose();
            throw error as SigningKeyException ?? new SigningKeyException($"{source} is not a PEM EC private key", error);
        }
        if (key.ExportParameters(false).Curve.Oid.Value != P256Oid)
        {
            key.Dispose();
            throw new SigningKeyException($"{source} is not on the P-256 curve (cosign signs with ECDSA P-256)");
        }
        return new EcdsaSigningKey(key);
    }

    /// <summary>Signs <paramref name="payload"/> with ECDSA over SHA-256.</summary>
    /// <param name="payload">The bytes to sign.</param>
    /// <returns>The signature, ASN.1 DER (what <c>openssl dgst -sha256 -verify</c> and cosign expect).</returns>
    public byte[] Sign(byte[] payload) => _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();
}
