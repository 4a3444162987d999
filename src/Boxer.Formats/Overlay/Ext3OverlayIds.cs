using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Boxer.Formats.Overlay;

/// <summary>
/// The UUIDs a reproducible overlay pins: mkfs.ext3 would draw the file system UUID and the directory hash seed
/// at random. Each is a name-based (version 5 layout) UUID of a SHA-256 over a purpose word, the epoch and the
/// size, so images of one size and epoch agree and different sizes or epochs do not share a UUID.
/// </summary>
internal static class Ext3OverlayIds
{
    public static string FileSystemUuid(long epoch, long sizeMiB) => Derive("uuid", epoch, sizeMiB);

    public static string HashSeed(long epoch, long sizeMiB) => Derive("hash_seed", epoch, sizeMiB);

    private static string Derive(string purpose, long epoch, long sizeMiB)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"boxer ext3 overlay\0{purpose}\0{epoch}\0{sizeMiB}");
        byte[] bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        // Big-endian, as UUIDs are written: the text form then shows the version and variant nibbles in place.
        return new Guid(bytes, bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
    }
}
