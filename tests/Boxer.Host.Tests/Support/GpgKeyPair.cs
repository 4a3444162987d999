using Boxer.TestSupport;

namespace Boxer.Host.Tests.Support;

/// <summary>
/// An Ed25519 OpenPGP key made by <c>gpg --batch --gen-key</c> in a private GNUPGHOME (removed, with its agent,
/// on dispose), protected by <see cref="Passphrase"/>, and exported: the secret key for boxer, the public key for
/// <c>boxer verify</c> and gpg. Its creation date is fixed in the past so a SOURCE_DATE_EPOCH signature postdates it.
/// </summary>
public sealed class GpgKeyPair : IDisposable
{
    public const string Passphrase = "correct horse battery staple";

    private readonly TempDir _dir = new("boxer-gpg-");

    public GpgKeyPair(string name = "Boxer Test")
    {
        Directory.CreateDirectory(Home);
        if (!OperatingSystem.IsWindows())
        {
            // gpg warns about (and its agent may refuse) a home others can read.
            File.SetUnixFileMode(Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.WriteAllText(_dir.Combine("params"), $"""
            Key-Type: eddsa
            Key-Curve: ed25519
            Key-Usage: sign
            Name-Real: {name}
            Name-Email: test@boxer.invalid
            Expire-Date: 0
            Creation-Date: 20200101T000000
            Passphrase: {Passphrase}
            %commit

            """);
        Gpg("--batch", "--gen-key", _dir.Combine("params"));
        Gpg("--batch", "--pinentry-mode", "loopback", "--passphrase", Passphrase, "--armor", "--output", SecretKey, "--export-secret-keys");
        Gpg("--batch", "--armor", "--output", PublicKey, "--export");
        Fingerprint = Gpg("--batch", "--with-colons", "--list-keys").Stdout.Split('\n')
            .First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }

    /// <summary>The private GNUPGHOME, holding this key (gpg --verify here trusts it).</summary>
    public string Home => _dir.Combine("gnupg");

    /// <summary>The armored secret key, locked with <see cref="Passphrase"/>.</summary>
    public string SecretKey => _dir.Combine("secret.asc");

    /// <summary>The armored public key.</summary>
    public string PublicKey => _dir.Combine("public.asc");

    /// <summary>The primary key's fingerprint, upper-case hex, as gpg prints it.</summary>
    public string Fingerprint { get; }

    /// <summary>Runs gpg on this key's home.</summary>
    public ToolResult Gpg(params string[] args) =>
        ExternalTool.Run("gpg", args, new ToolRunOptions { Environment = new Dictionary<string, string?> { ["GNUPGHOME"] = Home } }).EnsureSuccess();

    /// <summary>Runs gpg on this key's home and returns the result, whatever its exit code.</summary>
    public ToolResult TryGpg(params string[] args) =>
        ExternalTool.Run("gpg", args, new ToolRunOptions { Environment = new Dictionary<string, string?> { ["GNUPGHOME"] = Home } });

    public void Dispose()
    {
        ExternalTool.Run("gpgconf", ["--kill", "all"], new ToolRunOptions { Environment = new Dictionary<string, string?> { ["GNUPGHOME"] = Home } });
        _dir.Dispose();
    }
}
