using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// A signing key and its passphrase never show in boxer's output (progress, <c>--json</c>, the plan, errors);
/// a wrong passphrase or the wrong kind of key is one line, before the stage3 is read (exit 2).
/// </summary>
public sealed class SigningKeySecrecySpecs(SignedSif signed) : IClassFixture<SignedSif>
{
    [Fact]
    public void The_build_output_and_json_events_hold_neither_the_key_nor_its_passphrase()
    {
        AssertNoSecret(signed.Build.StdOut + signed.Build.StdErr);
        Assert.Contains("\"type\":\"result\"", signed.Build.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_holds_neither_the_key_nor_its_passphrase()
    {
        var plan = await signed.BuildAsync(signed.Dir.Combine("plan.sif"), ["--plan", "--json"], recipe: "minimal");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        AssertNoSecret(plan.StdOut + plan.StdErr);
    }

    [Fact]
    public async Task A_wrong_passphrase_is_one_line_that_does_not_repeat_it()
    {
        const string Wrong = "not-the-passphrase-42";

        var result = await signed.BuildAsync(signed.Dir.Combine("wrong.sif"), [], passphrase: Wrong);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StdErrLines);
        Assert.Equal($"boxer: sif: --sign-key: wrong passphrase for {signed.Key.SecretKey} (see --help)", line);
        Assert.DoesNotContain(Wrong, result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(signed.Dir.Combine("wrong.sif")));
    }

    [Fact]
    public async Task A_PEM_key_for_a_SIF_is_one_line_naming_the_kind_it_needs()
    {
        string pem = signed.Dir.Combine("ec.pem");
        ExternalTool.RunChecked("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pem);

        var result = await signed.BuildAsync(signed.Dir.Combine("pem.sif"), [], key: pem);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StdErrLines);
        Assert.Equal($"boxer: sif: --sign-key: {pem} is a PEM key; a SIF is signed with an OpenPGP secret key (PEM ECDSA keys sign docker --push) (see --help)", line);
        AssertNoSecret(result.StdOut + result.StdErr, File.ReadAllText(pem));
    }

    [Fact]
    public async Task The_passphrase_from_stdin_signs_the_same_bytes_as_from_the_environment()
    {
        using var home = new TempDir("boxer-home-");
        string output = signed.Dir.Combine("stdin.sif");
        string passphraseFile = home.Combine("passphrase");
        await File.WriteAllTextAsync(passphraseFile, GpgKeyPair.Passphrase + "\n");
        string[] args = ["sif", "--stage", Fixtures.Basic("xz"), "--out", output, "--recipe", "none", "--sign-key", signed.Key.SecretKey, "--sign-key-password-stdin"];

        var result = await ProcessRunner.RunAsync("sh", ["-c", $"exec dotnet '{BoxerHost.DllPath}' \"$@\" < '{passphraseFile}'", "sh", .. args],
            new Dictionary<string, string?>
            {
                ["HOME"] = home.Path,
                ["XDG_CACHE_HOME"] = home.Combine(".cache"),
                ["XDG_CONFIG_HOME"] = null,
                ["BOXER_PLUGIN_PATH"] = null,
                ["BOXER_SIGN_KEY_PASSWORD"] = null,
                ["SOURCE_DATE_EPOCH"] = SignedSif.Epoch,
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNoSecret(result.StdOut + result.StdErr);
        Assert.Equal(await File.ReadAllBytesAsync(signed.Path), await File.ReadAllBytesAsync(output));
    }

    private void AssertNoSecret(string output, string? keyText = null)
    {
        Assert.DoesNotContain(GpgKeyPair.Passphrase, output, StringComparison.Ordinal);
        // Every base64 line of the armored key (the header and checksum lines are too short to mean anything).
        var keyLines = (keyText ?? File.ReadAllText(signed.Key.SecretKey)).Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal));
        Assert.All(keyLines, l => Assert.DoesNotContain(l, output, StringComparison.Ordinal));
    }
}
