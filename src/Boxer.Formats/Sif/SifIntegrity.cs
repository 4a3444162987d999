using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Boxer.Formats.Sif;

/// <summary>
/// The bytes sylabs/sif's integrity package digests. Header: launch script, magic, version and UUID (not the
/// architecture, times or counts, which change when objects are added). Descriptor: type, used flag, ID
/// relative to its group's lowest ID, link, size, creation time, UID, GID, name and extra bytes (not the group,
/// offset or modification time, so a signature stays valid when objects are appended after it).
/// </summary>
internal static class SifIntegrity
{
    public static byte[] HeaderBytes(byte[] head) =>
    [
        .. head.AsSpan(SifLayout.LaunchScriptOffset, SifLayout.LaunchScriptSize),
        .. head.AsSpan(SifLayout.MagicOffset, SifLayout.MagicSize),
        .. head.AsSpan(SifLayout.VersionOffset, SifLayout.VersionSize),
        .. head.AsSpan(SifLayout.IdOffset, SifLayout.IdSize),
    ];

    public static byte[] DescriptorBytes(byte[] raw, uint relativeId)
    {
        var relative = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(relative, relativeId);
        return
        [
            .. raw.AsSpan(SifLayout.DescriptorTypeOffset, 4),
            raw[SifLayout.DescriptorUsedOffset],
            .. relative,
            .. raw.AsSpan(SifLayout.DescriptorLinkOffset, 4),
            .. raw.AsSpan(SifLayout.DescriptorSizeOffset, 8),
            .. raw.AsSpan(SifLayout.DescriptorCreatedOffset, 8),
            .. raw.AsSpan(SifLayout.DescriptorUidOffset, 8),
            .. raw.AsSpan(SifLayout.DescriptorGidOffset, 8),
            .. raw.AsSpan(SifLayout.DescriptorNameOffset, SifLayout.DescriptorNameSize),
            .. raw.AsSpan(SifLayout.DescriptorExtraOffset, SifLayout.DescriptorExtraSize),
        ];
    }

    /// <summary>Hashes an object's bytes, streamed (a partition may be gigabytes).</summary>
    public static byte[] ObjectDigest(Stream stream, SifDescriptor descriptor, HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        var buffer = new byte[1 << 20];
        stream.Position = descriptor.Offset;
        for (long left = descriptor.Size; left > 0;)
        {
            int n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n == 0)
            {
                throw new InvalidDataException($"SIF file truncated in object {descriptor.Id}");
            }
            hash.AppendData(buffer, 0, n);
            left -= n;
        }
        return hash.GetHashAndReset();
    }
}
