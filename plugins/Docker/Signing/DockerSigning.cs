using Boxer.Abstractions;
using Boxer.Formats.Signing;

namespace Boxer.Targets.Docker.Signing;

/// <summary>
/// <c>--sign-key</c> for pushed images: a PEM ECDSA P-256 key, read and unlocked once before the stage3 is
/// read and kept for the push. Messages name the file, never the key or passphrase.
/// </summary>
internal sealed class DockerSigning(SigningPassphrase passphrase)
{
    public const string KeyOption = "sign-key";
    public const string PasswordStdinOption = "sign-key-password-stdin";

    private (string Path, EcdsaSigningKey Key)? _unlocked;

    public static IReadOnlyList<TargetOption> Options { get; } =
    [
        new(KeyOption, TargetOptionKind.Path, "sign what --push pushes, as cosign does, with this PEM ECDSA P-256 private key")
        {
            ValueName = "KEY.pem",
        },
        new(PasswordStdinOption, TargetOptionKind.Bool, "read the --sign-key passphrase from standard input (else BOXER_SIGN_KEY_PASSWORD)"),
    ];

    public static IEnumerable<string> Problems(TargetOptionValues options)
    {
        if (options.GetBool(PasswordStdinOption) && !options.Has(KeyOption))
        {
            yield return "--sign-key-password-stdin needs --sign-key";
        }
        if (options.Has(KeyOption) && !options.GetBool(DockerTarget.PushOption))
        {
            yield return "--sign-key needs --push: the signature is stored in the registry beside the image";
        }
        if (options.GetBool(PasswordStdinOption) && options.GetBool(DockerTarget.PasswordStdinOption))
        {
            yield return "--sign-key-password-stdin and --registry-password-stdin cannot both read standard input";
        }
    }

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
    public EcdsaSigningKey? Key(TargetOptionValues options, string workingDirectory)
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
        if (kind != SigningKeyKind.Pem)
        {
            throw new SigningKeyException(kind == SigningKeyKind.OpenPgp
                ? $"{given} is an OpenPGP key; docker --push is signed with a PEM ECDSA P-256 key (OpenPGP keys sign SIFs)"
                : $"{given} is not a PEM private key");
        }
        var key = EcdsaSigningKey.Load(bytes, passphrase.Read(options.GetBool(PasswordStdinOption)), given);
        _unlocked = (path, key);
        return key;
    }
}
