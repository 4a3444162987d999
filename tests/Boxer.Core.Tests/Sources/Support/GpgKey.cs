using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sources.Support;

/// <summary>
/// A throwaway OpenPGP signing key made by the real <c>gpg --batch</c> in a private GNUPGHOME (the user's keyrings
/// are never touched): gpg is the independent signer boxer's BouncyCastle checks are held against.
/// Dispose stops the agent gpg started and removes the home.
/// </summary>
public sealed class GpgKey : IDisposable
{
    private readonly TempDir _home = new("boxer-gpg-");
    private readonly string? _fakedTime;

    /// <param name="name">The user ID's name.</param>
    /// <param name="fakedTime">Make and use the key at this time (gpg's --faked-system-time, e.g. <c>20200101T000000</c>).</param>
    /// <param name="expire">gpg's expiry for the key (<c>never</c>, <c>1d</c>).</param>
    public GpgKey(string name, string? fakedTime = null, string expire = "never")
    {
        _fakedTime = fakedTime;
        Gpg("--passphrase", "", "--quick-generate-key", $"{name} <{name.Replace(' ', '-')}@boxer.invalid>", "ed25519", "sign", expire);
        var colons = Gpg("--with-colons", "--list-keys").Stdout;
        Fingerprint = colons.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        PublicKeyFile = _home.Combine("public.asc");
        Gpg("--armor", "--output", PublicKeyFile, "--export", Fingerprint);
        BinaryKeyFile = _home.Combine("public.gpg");
        Gpg("--output", BinaryKeyFile, "--export", Fingerprint);
    }

    /// <summary>The primary key's fingerprint, 40 uppercase hex digits.</summary>
    public string Fingerprint { get; }

    /// <summary>The armored public key.</summary>
    public string PublicKeyFile { get; }

    /// <summary>The binary public key.</summary>
    public string BinaryKeyFile { get; }

    /// <summary>The text clear-signed.</summary>
    public string ClearSign(string text)
    {
        string input = _home.Combine($"in-{Guid.NewGuid():N}.txt");
        File.WriteAllText(input, text);
        Gpg("--local-user", Fingerprint, "--output", input + ".signed", "--clearsign", input);
        return File.ReadAllText(input + ".signed");
    }

    /// <summary>An armored detached signature of the bytes.</summary>
    public byte[] DetachSign(byte[] data)
    {
        string input = _home.Combine($"data-{Guid.NewGuid():N}");
        File.WriteAllBytes(input, data);
        Gpg("--local-user", Fingerprint, "--armor", "--output", input + ".asc", "--detach-sign", input);
        return File.ReadAllBytes(input + ".asc");
    }

    public void Dispose()
    {
        ExternalTool.Run("gpgconf", ["--kill", "all"], Options());
        _home.Dispose();
    }

    private ToolResult Gpg(params string[] args)
    {
        string[] faked = _fakedTime is null ? [] : ["--faked-system-time", _fakedTime];
        return ExternalTool.Run("gpg", ["--batch", "--yes", "--pinentry-mode", "loopback", .. faked, .. args], Options()).EnsureSuccess();
    }

    private ToolRunOptions Options() => new()
    {
        Environment = new Dictionary<string, string?> { ["GNUPGHOME"] = _home.Path },
        Timeout = TimeSpan.FromMinutes(1),
    };
}
