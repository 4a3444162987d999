using System.Security.Cryptography;
using Boxer.Formats.Signing;

namespace Boxer.Formats.Sif;

/// <summary>
/// Checks a SIF's signatures as <c>apptainer verify</c> does: every object group must have a signature object;
/// each must be a clear-signed message made by a key in the keyring whose primary fingerprint is the one its
/// descriptor records; the signed metadata must name exactly the group's objects and match the digests of the
/// header, each descriptor and each object's bytes recomputed from the file.
/// </summary>
public static class SifVerifier
{
    /// <summary>Verifies the SIF in <paramref name="file"/>.</summary>
    /// <param name="file">The SIF, readable and seekable.</param>
    /// <param name="keyring">The trusted public keys.</param>
    /// <returns>The outcome: the signers, or the first problem found.</returns>
    /// <exception cref="InvalidDataException">Not a SIF file (the file is bad input, not a failed check).</exception>
    public static SifVerification Verify(Stream file, OpenPgpKeyring keyring)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var image = SifRawImage.Read(file);
        var signers = new SortedSet<string>(StringComparer.Ordinal);
        if (image.GroupIds.Count == 0)
        {
            return Failed("the SIF has no object group to verify");
        }
        foreach (uint group in image.GroupIds)
        {
            var signatures = image.Objects.Select(o => o.Descriptor)
                .Where(d => d.DataType == SifDataType.Signature && d.LinkedId == (group | SifLayout.GroupMask)).ToList();
            if (signatures.Count == 0)
            {
                return Failed($"object group {group} is not signed");
            }
            foreach (var signature in signatures)
            {
                string? problem = Check(file, image, group, signature, keyring, out string? signer);
                if (problem is not null)
                {
                    return Failed(problem);
                }
                signers.Add(signer!);
            }
        }
        return new SifVerification(null, [.. signers]);
    }

    private static string? Check(Stream file, SifRawImage image, uint group, SifDescriptor signature, OpenPgpKeyring keyring, out string? signer)
    {
        signer = null;
        string where = $"signature object {signature.Id}";
        ClearSignedMessage message;
        SifSignedMetadata metadata;
        try
        {
            message = ClearSignedMessage.Parse(SifReader.ReadObject(file, signature));
            metadata = SifSignedMetadata.Parse(message.Text);
        }
        catch (InvalidDataException error)
        {
            return $"{where}: {error.Message}";
        }
        var recorded = SifSigner.EntityOf(signature);
        var fingerprint = keyring.Verify(message);
        if (fingerprint is null)
        {
            return recorded is null
                ? $"{where}: the signature does not verify with any key in the keyring"
                : $"{where}: the signature does not verify with any key in the keyring (signed by {SifSigner.Hex(recorded)})";
        }
        if (recorded is not null && !recorded.AsSpan().SequenceEqual(fingerprint))
        {
            return $"{where}: its descriptor names {SifSigner.Hex(recorded)} but {SifSigner.Hex(fingerprint)} signed it";
        }
        signer = SifSigner.Hex(fingerprint);
        return metadata.Version != SifSignedMetadata.CurrentVersion
            ? $"{where}: unknown metadata version {metadata.Version}"
            : Matches(file, image, group, metadata, where);
    }

    private static string? Matches(Stream file, SifRawImage image, uint group, SifSignedMetadata metadata, string where)
    {
        if (!DigestMatches(metadata.HeaderDigest, SifIntegrity.HeaderBytes(image.Head)))
        {
            return $"{where}: the SIF header does not match its signed digest";
        }
        var objects = image.Group(group);
        uint minId = objects[0].Descriptor.Id;
        var signed = metadata.Objects.ToDictionary(o => o.RelativeId + minId);
        if (objects.FirstOrDefault(o => !signed.ContainsKey(o.Descriptor.Id)) is { } unsigned)
        {
            return $"{where}: {SifSigner.Describe(unsigned.Descriptor)} in group {group} is not signed";
        }
        if (signed.Keys.FirstOrDefault(id => objects.All(o => o.Descriptor.Id != id)) is var missing and > 0)
        {
            return $"{where}: signed object {missing} is not in the file";
        }
        foreach (var o in objects)
        {
            var digests = signed[o.Descriptor.Id];
            if (!DigestMatches(digests.DescriptorDigest, SifIntegrity.DescriptorBytes(o.Raw, o.Descriptor.Id - minId)))
            {
                return $"{where}: the descriptor of {SifSigner.Describe(o.Descriptor)} does not match its signed digest";
            }
            if (!ObjectMatches(file, o.Descriptor, digests.ObjectDigest))
            {
                return $"{where}: the data of {SifSigner.Describe(o.Descriptor)} does not match its signed digest";
            }
        }
        return null;
    }

    private static bool DigestMatches(string expected, byte[] bytes) =>
        Algorithm(expected) is { } algorithm && Digest(expected) == Convert.ToHexStringLower(Hash(algorithm, bytes));

    private static bool ObjectMatches(Stream file, SifDescriptor descriptor, string expected) =>
        Algorithm(expected) is { } algorithm && Digest(expected) == Convert.ToHexStringLower(SifIntegrity.ObjectDigest(file, descriptor, algorithm));

    private static HashAlgorithmName? Algorithm(string digest) => digest.Split(':')[0] switch
    {
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static string Digest(string digest) => digest[(digest.IndexOf(':') + 1)..].ToLowerInvariant();

    private static byte[] Hash(HashAlgorithmName algorithm, byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(bytes);
        return hash.GetHashAndReset();
    }

    private static SifVerification Failed(string problem) => new(problem, []);
}
