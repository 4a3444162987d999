using System.Buffers.Binary;
using Boxer.Formats.Signing;

namespace Boxer.Formats.Sif;

/// <summary>
/// Signs a SIF as <c>apptainer sign</c> does: for each object group, the integrity metadata of its objects
/// (<see cref="SifSignedMetadata"/>) is clear-signed with an OpenPGP key and appended as a signature object
/// in no group, linked to the group, whose extra bytes record the hash type and the signing entity:
/// <code>
///  extra[0..4)    hash type, int32 LE (1 = SHA-256)
///  extra[4..260)  primary key fingerprint (20 bytes), zero padded
/// </code>
/// The signature object follows the last object unaligned; the header's free count and data size grow.
/// </summary>
public static class SifSigner
{
    private const int HashTypeSha256 = 1;
    private const int EntityOffset = 4;

    /// <summary>Appends one signature object per object group.</summary>
    /// <param name="file">The SIF file, readable, writable and seekable.</param>
    /// <param name="key">The unlocked signing key.</param>
    /// <param name="created">The signature's creation time (SOURCE_DATE_EPOCH for reproducible output).</param>
    /// <returns>The signature objects' descriptors.</returns>
    /// <exception cref="InvalidDataException">The file is not a SIF, has no object group, or no free descriptor slot.</exception>
    public static IReadOnlyList<SifDescriptor> AppendSignatures(Stream file, OpenPgpSigningKey key, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(key);
        var image = SifRawImage.Read(file);
        var groups = image.GroupIds;
        if (groups.Count == 0)
        {
            throw new InvalidDataException("the SIF has no object group to sign");
        }
        // All digests first: each appended object changes the header, not what was signed.
        var messages = groups.Select(g => (Group: g, Message: key.ClearSign(SifSignedMetadata.Compute(file, image, g).ToJson(), created))).ToList();
        var written = new List<SifDescriptor>();
        foreach (var (group, message) in messages)
        {
            written.Add(Append(file, group, message, key.EntityFingerprint));
        }
        return written;
    }

    private static SifDescriptor Append(Stream file, uint groupId, byte[] message, byte[] fingerprint)
    {
        var image = SifRawImage.Read(file);
        var header = image.Header;
        var used = image.Objects.Select(o => o.Slot).ToHashSet();
        int slot = Enumerable.Range(0, (int)header.DescriptorsTotal).FirstOrDefault(s => !used.Contains(s), -1);
        if (slot < 0)
        {
            throw new InvalidDataException("the SIF has no free descriptor slot for a signature");
        }
        long offset = header.DataOffset + header.DataSize;
        var extra = new byte[SifLayout.DescriptorExtraSize];
        BinaryPrimitives.WriteInt32LittleEndian(extra, HashTypeSha256);
        fingerprint.CopyTo(extra.AsSpan(EntityOffset));
        uint id = image.Objects.Select(o => o.Descriptor.Id).DefaultIfEmpty(0u).Max() + 1;
        var descriptor = new SifDescriptor(SifDataType.Signature, id, 0, groupId | SifLayout.GroupMask, offset, message.Length, message.Length,
            header.Modified, header.Modified, "", extra);
        file.Position = offset;
        file.Write(message);
        var slotBytes = new byte[SifLayout.DescriptorSize];
        descriptor.Write(slotBytes);
        file.Position = header.DescriptorsOffset + (long)slot * SifLayout.DescriptorSize;
        file.Write(slotBytes);
        var head = new byte[SifLayout.HeaderSize];
        (header with { DescriptorsFree = header.DescriptorsFree - 1, DataSize = offset + message.Length - header.DataOffset }).Write(head);
        file.Position = 0;
        file.Write(head);
        file.Position = offset + message.Length;
        file.Flush();
        return descriptor;
    }

    /// <summary>The fingerprint a signature descriptor records, or null when none (all zero).</summary>
    internal static byte[]? EntityOf(SifDescriptor signature)
    {
        var fingerprint = signature.Extra.AsSpan(EntityOffset, 20);
        return fingerprint.ContainsAnyExcept((byte)0) ? fingerprint.ToArray() : null;
    }

    /// <summary>The hash type a signature descriptor records.</summary>
    internal static int HashTypeOf(SifDescriptor signature) => BinaryPrimitives.ReadInt32LittleEndian(signature.Extra);

    /// <summary>Text for messages: the fingerprint in upper-case hex, as gpg prints it.</summary>
    internal static string Hex(byte[] fingerprint) => Convert.ToHexString(fingerprint);

    internal static string Describe(SifDescriptor d) => d.Name.Length > 0 ? $"object {d.Id} ({d.Name})" : $"object {d.Id} ({d.DataType})";
}
