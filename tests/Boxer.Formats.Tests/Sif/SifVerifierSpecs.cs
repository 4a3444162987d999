using Boxer.Formats.Sif;
using Boxer.Formats.Signing;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Security;

namespace Boxer.Formats.Tests.Sif;

/// <summary>
/// What <see cref="SifVerifier"/> refuses, on small SIFs signed in memory: a changed descriptor, a group left
/// unsigned, a signer not in the keyring. (gpg and the file-byte digests are checked in Boxer.Host.Tests.)
/// </summary>
public sealed class SifVerifierSpecs
{
    private const string Passphrase = "unit";
    private static readonly Lazy<(byte[] Secret, byte[] Public)> Key = new(() => NewKey("Unit Test"));
    private static readonly DateTimeOffset Signed = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public async Task Every_group_is_signed_and_verifies()
    {
        using var sif = await SignedSifAsync(groups: [1, 1, 2]);

        var result = SifVerifier.Verify(sif, Keyring(Key.Value.Public));

        Assert.Null(result.Problem);
        Assert.Equal(2, SifReader.Read(sif).Descriptors.Count(d => d.DataType == SifDataType.Signature));
    }

    [Fact]
    public async Task A_renamed_object_fails_its_descriptor_digest()
    {
        using var sif = await SignedSifAsync(groups: [1, 1]);
        // The name field of the second descriptor (4096 + 585 + 73).
        sif.Position = 4096 + 585 + 73;
        sif.WriteByte((byte)'X');

        var result = SifVerifier.Verify(sif, Keyring(Key.Value.Public));

        Assert.Equal("signature object 3: the descriptor of object 2 (Xwo) does not match its signed digest", result.Problem);
    }

    [Fact]
    public async Task A_group_without_a_signature_fails()
    {
        using var sif = await SignedSifAsync(groups: [1, 2], sign: false);

        var result = SifVerifier.Verify(sif, Keyring(Key.Value.Public));

        Assert.Equal("object group 1 is not signed", result.Problem);
    }

    [Fact]
    public async Task A_signer_outside_the_keyring_fails_and_is_named()
    {
        using var sif = await SignedSifAsync(groups: [1]);
        var stranger = NewKey("Stranger");

        var result = SifVerifier.Verify(sif, Keyring(stranger.Public));

        Assert.StartsWith("signature object 2: the signature does not verify with any key in the keyring (signed by ", result.Problem, StringComparison.Ordinal);
    }

    private static async Task<MemoryStream> SignedSifAsync(uint[] groups, bool sign = true)
    {
        string[] names = ["one", "two", "three"];
        var objects = groups.Select((g, i) => SifObject.FromBytes(SifDataType.Generic, [(byte)i, 1, 2, 3]) with { GroupId = g, Name = names[i] }).ToList();
        var stream = new MemoryStream();
        await new SifWriter().WriteAsync(stream, objects);
        if (sign)
        {
            SifSigner.AppendSignatures(stream, OpenPgpSigningKey.Load(Key.Value.Secret, Passphrase, "unit.asc"), Signed);
        }
        return stream;
    }

    private static OpenPgpKeyring Keyring(byte[] publicKey)
    {
        var keyring = new OpenPgpKeyring();
        keyring.Add(publicKey, "unit-pub.asc");
        return keyring;
    }

    private static (byte[] Secret, byte[] Public) NewKey(string name)
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new KeyGenerationParameters(new SecureRandom(), 2048));
        var pair = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), DateTime.UnixEpoch.AddYears(50));
        var secret = new PgpSecretKey(PgpSignature.DefaultCertification, pair, name, SymmetricKeyAlgorithmTag.Aes256,
            Passphrase.ToCharArray(), true, null, null, new SecureRandom());
        return (secret.GetEncoded(), secret.PublicKey.GetEncoded());
    }
}
