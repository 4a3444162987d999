using Boxer.Abstractions;
using Boxer.Formats.Signing;

namespace Boxer.Targets.Singularity;

/// <summary>
/// <c>--sign-key</c> for SIFs: an OpenPGP secret key, unlocked once before the stage3 is read (so a wrong
/// passphrase costs no build) and kept for the build. Messages name the file, never the key or passphrase.
/// </summary>
internal sealed class SifSigning(SigningPassphrase passphrase)
{
    public const string KeyOption = "sign-key";
    public const string PasswordStdinOption = "sign-key-password-stdin";

    private (string Path, OpenPgpSigningKey Key)? _unlocked;

    public static IReadOnlyList<TargetOption> Options { get; } =
    [
        new(KeyOption, TargetOptionKind.Path, "sign the SIF with this OpenPGP secret key (armored or binary), as apptainer sign does")
        {
            ValueName = "KEY",
        },
        new(PasswordStdinOption, TargetOptionKind.Bool, "read the --sign-key passphrase from standard input (else BOXER_SIGN_KEY_PASSWORD)"),
    ];

    public static IEnumerable<string> Problems(TargetOptionValues options) =>
        options.GetBool(PasswordStdinOption) && !options.Has(KeyOption) ? ["--sign-key-password-stdin needs --sign-key"] : [];

    /// <summary>Unlocks the key now; the one-line reason when it cannot be.</summary>
    public string? Check(TargetOptionValues options, string workingDirectory)
    {
        try
        {
            _ = Key(options, workingDirectory);
            return null;
        }
        catch (SigningKeyException error)
        {
            return $"--sign-key: {error.Message}";
        }
    }

    /// <summary>The unlocked key, or null without <c>--sign-key</c>.</summary>
    /// <exception cref="SigningKeyException">The key cannot be used.</exception>
    public OpenPgpSigningKey? Key(TargetOptionValues options, string workingDirectory)
    {
        if (options.GetString(KeyOption) is not { Length: > 0 } given)
        {
            return null;
        }
        string path = Path.GetFullPath(given, workingDirectory);
        if (_unlocked is { } done && done.Path == path)
        {
            return done.Key;
        }
        byte[] bytes = SigningKeyFile.Read(path);
        var kind = SigningKeyFile.KindOf(bytes);
        if (kind != SigningKeyKind.OpenPgp)
        {
            throw new SigningKeyException(kind == SigningKeyKind.Pem
                ? $"{given} is a PEM key; a SIF is signed with an OpenPGP secret key (PEM ECDSA keys sign docker --push)"
                : $"{given} is not an OpenPGP secret key");
        }
        var key = OpenPgpSigningKey.Load(bytes, passphrase.Read(options.GetBool(PasswordStdinOption)), given);
        _unlocked = (path, key);
        return key;
    }
}
