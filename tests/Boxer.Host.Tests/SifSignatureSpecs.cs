using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// <c>boxer sif --sign-key</c> and <c>boxer verify</c>, checked by independent verifiers: siftool lists the
/// signature object, gpg verifies its clear-signed block, and the digests it signs are recomputed here from
/// the file's bytes following the sylabs/sif integrity layout (not with boxer's SIF code).
/// </summary>
public sealed class SifSignatureSpecs(SignedSif signed) : IClassFixture<SignedSif>
{
    [Fact]
    public void Siftool_lists_a_SHA256_signature_object_linked_to_object_group_1()
    {
        var list = ExternalTool.RunChecked("siftool", "list", signed.Path).Stdout.Split('\n');

        var signature = Assert.Single(list, l => l.Contains("Signature", StringComparison.Ordinal));
        // The last object: after the partition and, by default, the SBOM, which it signs with the rest of group 1.
        Assert.Matches(@"^\d+\s+\|NONE\s+\|1\s+\(G\)\s+\|\d+-\d+\s+\|Signature \(SHA-256\)$", signature.TrimEnd());
        Assert.Equal(list.Count(l => Regex.IsMatch(l, @"^\d+\s+\|")).ToString(CultureInfo.InvariantCulture), SignatureId());
    }

    [Fact]
    public void Gpg_verifies_the_signature_block_as_made_by_the_key()
    {
        string block = DumpSignature(signed.Dir.Combine("gpg-check.asc"));

        var result = signed.Key.TryGpg("--batch", "--status-fd", "1", "--verify", block);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"[GNUPG:] VALIDSIG {signed.Key.Fingerprint}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signed_digests_are_those_of_the_header_descriptors_and_objects_in_the_file()
    {
        byte[] file = File.ReadAllBytes(signed.Path);
        string text = File.ReadAllText(DumpSignature(signed.Dir.Combine("digests.asc")));
        string json = text.Split('\n').Single(l => l.StartsWith("{\"version\":1,", StringComparison.Ordinal));
        using var metadata = JsonDocument.Parse(json);

        Assert.Equal(Sha256(HeaderIntegrityBytes(file)), metadata.RootElement.GetProperty("header").GetProperty("digest").GetString());
        var signedObjects = metadata.RootElement.GetProperty("objects").EnumerateArray().ToList();
        var group = Slots(file).Where(s => Group(s) == 1).OrderBy(Id).ToList();
        // Definition file, inspect metadata, squashfs and the SBOM: the SBOM is signed with the rest.
        Assert.Equal(4, group.Count);
        Assert.Equal(group.Count, signedObjects.Count);
        for (int i = 0; i < group.Count; i++)
        {
            uint relative = Id(group[i]) - Id(group[0]);
            Assert.Equal(relative, signedObjects[i].GetProperty("relativeId").GetUInt32());
            Assert.Equal(Sha256(DescriptorIntegrityBytes(group[i], relative)), signedObjects[i].GetProperty("descriptorDigest").GetString());
            long offset = BinaryPrimitives.ReadInt64LittleEndian(group[i].AsSpan(17));
            long size = BinaryPrimitives.ReadInt64LittleEndian(group[i].AsSpan(25));
            Assert.Equal(Sha256(file.AsSpan((int)offset, (int)size).ToArray()), signedObjects[i].GetProperty("objectDigest").GetString());
        }
    }

    [Fact]
    public async Task Boxer_verify_accepts_it_and_names_the_signer()
    {
        var result = await BoxerHost.RunAsync("verify", signed.Path, "--keyring", signed.Key.PublicKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{signed.Path}: verified, signed by {signed.Key.Fingerprint}", result.StdOut.Trim());
    }

    [Fact]
    public async Task A_byte_changed_in_the_squashfs_partition_fails_verify_with_exit_5()
    {
        string tampered = signed.Dir.Combine("tampered.sif");
        byte[] file = File.ReadAllBytes(signed.Path);
        var partition = Slots(file).Single(s => BinaryPrimitives.ReadInt32LittleEndian(s) == 0x4004);
        long at = BinaryPrimitives.ReadInt64LittleEndian(partition.AsSpan(17)) + 1000;
        file[at] ^= 0x01;
        await File.WriteAllBytesAsync(tampered, file);

        var result = await BoxerHost.RunAsync("verify", tampered, "--keyring", signed.Key.PublicKey);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("the data of object 3 (squashfs-rootfs) does not match its signed digest", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SIF_signed_by_a_key_outside_the_keyring_fails_verify_with_exit_5()
    {
        using var stranger = new GpgKeyPair("Stranger");

        var result = await BoxerHost.RunAsync("verify", signed.Path, "--keyring", stranger.PublicKey);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains($"does not verify with any key in the keyring (signed by {signed.Key.Fingerprint})", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reads_the_keys_in_the_config_directory()
    {
        using var config = new TempDir("boxer-config-");
        Directory.CreateDirectory(config.Combine("boxer", "keys"));
        File.Copy(signed.Key.PublicKey, config.Combine("boxer", "keys", "builder.asc"));

        var result = await BoxerHost.RunAsync(["verify", signed.Path], new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = config.Path });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(signed.Key.Fingerprint, result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_a_file_that_is_not_a_SIF_or_with_an_unreadable_key_is_bad_input()
    {
        var notSif = await BoxerHost.RunAsync("verify", signed.Key.PublicKey, "--keyring", signed.Key.PublicKey);
        var notKey = await BoxerHost.RunAsync("verify", signed.Path, "--keyring", Fixtures.Basic("tar"));

        Assert.True(notSif.ExitCode == 3, notSif.ToString());
        Assert.Equal($"boxer: {signed.Key.PublicKey}: not a SIF file (no SIF_MAGIC at offset 32)", notSif.StdErr.Trim());
        Assert.True(notKey.ExitCode == 3, notKey.ToString());
        Assert.Equal($"boxer: {Fixtures.Basic("tar")} is not an OpenPGP public key or keyring", notKey.StdErr.Trim());
    }

    /// <summary>The signature object's ID, as siftool lists it.</summary>
    private string SignatureId() =>
        ExternalTool.RunChecked("siftool", "list", signed.Path).Stdout.Split('\n')
            .Single(l => l.Contains("Signature", StringComparison.Ordinal)).Split('|')[0].Trim();

    private string DumpSignature(string output)
    {
        ExternalTool.RunChecked("sh", "-c", $"siftool dump {SignatureId()} '{signed.Path}' > '{output}'");
        return output;
    }

    /// <summary>Launch script, magic, version and UUID: the header fields sylabs/sif's integrity package digests.</summary>
    private static byte[] HeaderIntegrityBytes(byte[] file) => [.. file.AsSpan(0, 45), .. file.AsSpan(48, 16)];

    /// <summary>Type, used, relative ID, link, size, created, UID, GID, name and extra, in that order.</summary>
    private static byte[] DescriptorIntegrityBytes(byte[] slot, uint relativeId)
    {
        var relative = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(relative, relativeId);
        return [.. slot.AsSpan(0, 5), .. relative, .. slot.AsSpan(13, 4), .. slot.AsSpan(25, 8), .. slot.AsSpan(41, 8), .. slot.AsSpan(57, 16), .. slot.AsSpan(73, 512)];
    }

    /// <summary>The used 585-byte descriptor slots, read with the SIF header's table offset and count.</summary>
    private static List<byte[]> Slots(byte[] file)
    {
        long total = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(88));
        long offset = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(96));
        return [.. Enumerable.Range(0, (int)total).Select(i => file.AsSpan((int)(offset + i * 585), 585).ToArray()).Where(s => s[4] == 1)];
    }

    private static uint Id(byte[] slot) => BinaryPrimitives.ReadUInt32LittleEndian(slot.AsSpan(5));

    private static uint Group(byte[] slot) => BinaryPrimitives.ReadUInt32LittleEndian(slot.AsSpan(9)) & 0x0fffffff;

    private static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
