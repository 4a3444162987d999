using Boxer.Abstractions;
using Boxer.Formats.Signing;
using Boxer.Targets.Docker.Registry;
using Boxer.Targets.Docker.Signing;

namespace Boxer.Targets.Docker;

/// <summary>Signing a pushed image as cosign does with a key (<c>--sign-key</c>).</summary>
public sealed partial class DockerTarget
{
    public const string SignKeyOption = DockerSigning.KeyOption;
    public const string SignKeyPasswordStdinOption = DockerSigning.PasswordStdinOption;

    private DockerSigning? _signing;

    /// <summary>Where a <c>--sign-key</c> passphrase comes from; stdin or BOXER_SIGN_KEY_PASSWORD unless a test sets it.</summary>
    public SigningPassphrase SignKeyPassphrase { get; init; } = SigningPassphrase.FromProcess;

    private DockerSigning SignKeys => _signing ??= new DockerSigning(SignKeyPassphrase);

    private EcdsaSigningKey? SigningKey(TargetBuildContext context)
    {
        try
        {
            return SignKeys.Key(context.Options, context.WorkingDirectory);
        }
        catch (SigningKeyException error)
        {
            throw new TargetException(TargetName, $"--sign-key: {error.Message}", error);
        }
    }

    /// <summary>Signs the pushed manifest and stores the signature under <c>sha256-&lt;hex&gt;.sig</c>.</summary>
    private static async Task SignAsync(
        TargetBuildContext context, RegistryClient registry, ImageReference tag, string manifestDigest, EcdsaSigningKey key, CancellationToken cancellationToken)
    {
        byte[] payload = CosignPayload.For(tag, manifestDigest);
        var signature = CosignSignatureManifest.Create(payload, key.Sign(payload));
        string stored = await registry.PushSignatureAsync(manifestDigest, signature, cancellationToken).ConfigureAwait(false);
        Log(context, BuildLogLevel.Info, $"signature of {manifestDigest} pushed as {tag.Registry}/{tag.Repository}:{stored}");
    }
}
