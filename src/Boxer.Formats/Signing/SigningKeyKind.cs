namespace Boxer.Formats.Signing;

/// <summary>What a key file holds, judged from its bytes before any passphrase is asked for.</summary>
public enum SigningKeyKind
{
    /// <summary>Neither kind boxer signs with.</summary>
    Unknown,

    /// <summary>An OpenPGP secret key (armored or binary): signs SIF files, as <c>apptainer sign</c> does.</summary>
    OpenPgp,

    /// <summary>A PEM private key (PKCS#8, encrypted PKCS#8 or SEC1): signs pushed OCI images, as cosign does.</summary>
    Pem,
}
