using System.Security.Cryptography;
using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Formats.Signing;
using Boxer.Formats.Tests.Tar.Support;
using Boxer.Targets.Docker.Engine;
using Boxer.Targets.Docker.Tests.Support;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// <c>--push --sign-key</c>: a cosign-style keyed signature in a real docker-registry on 127.0.0.1, read back
/// with raw distribution-API requests (curl) and checked with <c>openssl dgst -sha256 -verify</c>.
/// </summary>
public sealed class RegistrySignatureSpecs : IDisposable
{
    private const string Passphrase = "pem passphrase 7";
    private static readonly UnixTime Epoch = new(1_700_000_000);
    private readonly TempDir _dir = new();

    [Fact]
    public async Task The_signature_verifies_with_openssl_over_a_payload_naming_the_pushed_manifest()
    {
        using var registry = new LocalRegistry();
        string key = PrivateKey("key.pem");
        string tag = $"{registry.Host}/boxer/signed:1";

        var pushed = Assert.Single(await Target().BuildAsync(Context(tag, key), default));

        var (payload, signature) = FetchSignature(registry, "boxer/signed", pushed.Digest!);
        Assert.Equal("Verified OK", OpensslVerify(PublicKey(key), payload, signature));
        using var json = JsonDocument.Parse(File.ReadAllBytes(payload));
        var critical = json.RootElement.GetProperty("critical");
        Assert.Equal(pushed.Digest, critical.GetProperty("image").GetProperty("docker-manifest-digest").GetString());
        Assert.Equal(ManifestDigestServedAt(registry, "boxer/signed", "1"), pushed.Digest);
        Assert.Equal($"{registry.Host}/boxer/signed", critical.GetProperty("identity").GetProperty("docker-reference").GetString());
        Assert.Equal("cosign container image signature", critical.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("optional").ValueKind);
        // Byte for byte what cosign signs (sigstore's payload.Cosign through Go's json.Marshal).
        Assert.Equal(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"" + registry.Host + "/boxer/signed\"},\"image\":{\"docker-manifest-digest\":\""
            + pushed.Digest + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}",
            File.ReadAllText(payload));
    }

    [Fact]
    public async Task The_SBOM_referrer_is_signed_with_the_same_key()
    {
        using var registry = new LocalRegistry();
        string key = PrivateKey("sbom-key.pem");
        string tag = $"{registry.Host}/boxer/sbom-signed:1";
        var context = BusyboxTree.Context(BusyboxTree.Create(), new EventLog(), Epoch,
            [(DockerTarget.TagOption, tag), (DockerTarget.PushOption, "true"), (DockerTarget.InsecureOption, "true"), (DockerTarget.SignKeyOption, key)]);
        var withSbom = new TargetBuildContext
        {
            RootFs = context.RootFs,
            Image = context.Image,
            Stage = context.Stage,
            Options = context.Options,
            Recipe = context.Recipe,
            SourceDateEpoch = context.SourceDateEpoch,
            BoxerVersion = context.BoxerVersion,
            Progress = context.Progress,
            Sbom = new SbomDocument { MediaType = SbomDocument.SpdxMediaType, FileName = "sbom.spdx.json", Content = "{\"spdxVersion\":\"SPDX-2.3\"}"u8.ToArray() },
        };

        var pushed = Assert.Single(await Target().BuildAsync(withSbom, default));

        // The referrer, found as a client without the referrers API finds it: the sha256-<hex> tag's index.
        string referrersTag = pushed.Digest!.Replace(':', '-');
        using var index = JsonDocument.Parse(Curl(registry, $"/v2/boxer/sbom-signed/manifests/{referrersTag}", _dir.File("referrers.json"), "application/vnd.oci.image.index.v1+json"));
        string referrer = Assert.Single(index.RootElement.GetProperty("manifests").EnumerateArray().ToList()).GetProperty("digest").GetString()!;
        var (payload, signature) = FetchSignature(registry, "boxer/sbom-signed", referrer);
        Assert.Equal("Verified OK", OpensslVerify(PublicKey(key), payload, signature));
        using var json = JsonDocument.Parse(File.ReadAllBytes(payload));
        Assert.Equal(referrer, json.RootElement.GetProperty("critical").GetProperty("image").GetProperty("docker-manifest-digest").GetString());
    }

    [Fact]
    public async Task An_encrypted_PKCS8_key_signs_with_the_passphrase_from_stdin()
    {
        using var registry = new LocalRegistry();
        string key = PrivateKey("encrypted.pem", encrypted: true);
        string tag = $"{registry.Host}/boxer/encrypted:1";
        var target = Target(new SigningPassphrase(() => new StringReader(Passphrase + "\n"), () => null));

        var pushed = Assert.Single(await target.BuildAsync(Context(tag, key, (DockerTarget.SignKeyPasswordStdinOption, "true")), default));

        var (payload, signature) = FetchSignature(registry, "boxer/encrypted", pushed.Digest!);
        Assert.Equal("Verified OK", OpensslVerify(PublicKey(key, Passphrase), payload, signature));
    }

    [Fact]
    public void A_wrong_passphrase_or_an_OpenPGP_key_is_one_line_before_the_build()
    {
        string encrypted = PrivateKey("wrong.pem", encrypted: true);
        string openPgp = _dir.File("secret.asc");
        File.WriteAllText(openPgp, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxx\n-----END PGP PRIVATE KEY BLOCK-----\n");
        var target = Target(new SigningPassphrase(() => null, () => "not it"));

        var wrong = target.ValidateWrite(Options(encrypted));
        var kind = target.ValidateWrite(Options(openPgp));

        Assert.Equal($"--sign-key: wrong passphrase for {encrypted} (or not an EC key)", Assert.Single(wrong));
        Assert.Equal($"--sign-key: {openPgp} is an OpenPGP key; docker --push is signed with a PEM ECDSA P-256 key (OpenPGP keys sign SIFs)", Assert.Single(kind));
        Assert.DoesNotContain("not it", wrong[0], StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private (string Payload, string Signature) FetchSignature(LocalRegistry registry, string repository, string digest)
    {
        string sigTag = digest.Replace(':', '-') + ".sig";
        using var manifest = JsonDocument.Parse(Curl(registry, $"/v2/{repository}/manifests/{sigTag}", _dir.File($"{sigTag}.json")));
        var layer = Assert.Single(manifest.RootElement.GetProperty("layers").EnumerateArray().ToList());
        Assert.Equal("application/vnd.dev.cosign.simplesigning.v1+json", layer.GetProperty("mediaType").GetString());
        string payload = _dir.File($"{sigTag}.payload");
        Curl(registry, $"/v2/{repository}/blobs/{layer.GetProperty("digest").GetString()}", payload);
        string signature = _dir.File($"{sigTag}.der");
        File.WriteAllBytes(signature, Convert.FromBase64String(layer.GetProperty("annotations").GetProperty("dev.cosignproject.cosign/signature").GetString()!));
        return (payload, signature);
    }

    private string ManifestDigestServedAt(LocalRegistry registry, string repository, string tag) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Curl(registry, $"/v2/{repository}/manifests/{tag}", _dir.File($"{tag}.manifest"))));

    /// <summary>A raw distribution-API GET, saved to <paramref name="output"/>.</summary>
    private static byte[] Curl(LocalRegistry registry, string path, string output, string accept = "application/vnd.oci.image.manifest.v1+json")
    {
        Tool.Run("curl", "-fsS", "-H", $"Accept: {accept}", "-o", output, $"http://{registry.Host}{path}");
        return File.ReadAllBytes(output);
    }

    private static string OpensslVerify(string publicKey, string payload, string signature)
    {
        var (code, stdout, stderr) = Tool.Try("openssl", "dgst", "-sha256", "-verify", publicKey, "-signature", signature, payload);
        return code == 0 ? stdout.Trim() : $"exit {code}: {stdout} {stderr}";
    }

    private string PrivateKey(string name, bool encrypted = false)
    {
        string path = _dir.File(name);
        Tool.Run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path,
            .. encrypted ? new[] { "-aes-256-cbc", "-pass", $"pass:{Passphrase}" } : []], null);
        return path;
    }

    private string PublicKey(string privateKey, string? passphrase = null)
    {
        string path = privateKey + ".pub";
        Tool.Run("openssl", ["pkey", "-in", privateKey, "-pubout", "-out", path, .. passphrase is null ? Array.Empty<string>() : ["-passin", $"pass:{passphrase}"]], null);
        return path;
    }

    private static TargetOptionValues Options(string key) => new(new Dictionary<string, string>
    {
        [DockerTarget.TagOption] = "127.0.0.1:1/boxer/x:1",
        [DockerTarget.PushOption] = "true",
        [DockerTarget.SignKeyOption] = key,
    });

    private DockerTarget Target(SigningPassphrase? passphrase = null) => new()
    {
        EngineHost = () => DockerHost.Parse("unix:///nonexistent/docker.sock"),
        DockerConfigDirectory = () => _dir.Path,
        SignKeyPassphrase = passphrase ?? new SigningPassphrase(() => null, () => null),
    };

    private static TargetBuildContext Context(string tag, string key, params (string, string)[] more) =>
        BusyboxTree.Context(BusyboxTree.Create(), new EventLog(), Epoch,
            [(DockerTarget.TagOption, tag), (DockerTarget.PushOption, "true"), (DockerTarget.InsecureOption, "true"), (DockerTarget.SignKeyOption, key), .. more]);
}
