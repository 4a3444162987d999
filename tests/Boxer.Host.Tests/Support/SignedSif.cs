using Boxer.TestSupport;

namespace Boxer.Host.Tests.Support;

/// <summary>
/// One SIF built once from the basic fixture by the real host with <c>--sign-key</c> (the passphrase from
/// BOXER_SIGN_KEY_PASSWORD, SOURCE_DATE_EPOCH set, <c>--json</c> events), shared by the signature specs.
/// </summary>
public sealed class SignedSif : IDisposable
{
    public const string Epoch = "1750000000";

    private readonly TempDir _dir = new("boxer-signed-");

    public SignedSif()
    {
        Key = new GpgKeyPair();
        Path = _dir.Combine("signed.sif");
        Build = BuildAsync(Path, ["--json"]).GetAwaiter().GetResult();
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"the signed SIF was not built: {Build}");
        }
    }

    public GpgKeyPair Key { get; }

    public string Path { get; }

    /// <summary>The build's output: its --json events on stdout, progress on stderr.</summary>
    public ProcessResult Build { get; }

    public TempDir Dir => _dir;

    /// <summary>Builds a SIF signed with <see cref="Key"/> to <paramref name="output"/>.</summary>
    public Task<ProcessResult> BuildAsync(
        string output, string[] extra, string? passphrase = GpgKeyPair.Passphrase, string? key = null, string recipe = "none") =>
        BoxerHost.RunAsync(
            ["sif", "--stage", Fixtures.Basic("xz"), "--out", output, "--recipe", recipe, "--sign-key", key ?? Key.SecretKey, .. extra],
            new Dictionary<string, string?> { ["BOXER_SIGN_KEY_PASSWORD"] = passphrase, ["SOURCE_DATE_EPOCH"] = Epoch });

    public void Dispose()
    {
        Key.Dispose();
        _dir.Dispose();
    }
}
