using System.Text;

namespace Boxer.Formats.Signing;

/// <summary>Reads a key file and tells its kind, so a target can refuse the wrong kind in one line.</summary>
public static class SigningKeyFile
{
    /// <summary>Largest key file read: a key is a few KiB, a large public keyring some MiB.</summary>
    private const int MaxKeyBytes = 16 << 20;

    /// <summary>Reads the key file's bytes.</summary>
    /// <param name="path">The key file.</param>
    /// <returns>Its bytes.</returns>
    /// <exception cref="SigningKeyException">It cannot be read or is too large to be a key.</exception>
    public static byte[] Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxKeyBytes)
            {
                throw new SigningKeyException($"{path}: {info.Length} bytes is too large for a key file");
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SigningKeyException($"cannot read key file {path}: {error.Message}", error);
        }
    }

    /// <summary>The kind of key <paramref name="bytes"/> hold.</summary>
    /// <param name="bytes">A key file's bytes.</param>
    /// <returns>The kind, or <see cref="SigningKeyKind.Unknown"/>.</returns>
    public static SigningKeyKind KindOf(ReadOnlySpan<byte> bytes)
    {
        string head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        if (head.Contains("-----BEGIN PGP PRIVATE KEY BLOCK-----", StringComparison.Ordinal))
        {
            return SigningKeyKind.OpenPgp;
        }
        if (head.Contains("-----BEGIN ", StringComparison.Ordinal) && head.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return SigningKeyKind.Pem;
        }
        // A binary OpenPGP packet: the tag byte has bit 7 set; tags 5 (secret key) in old or new format.
        return bytes.Length > 0 && (bytes[0] is 0x94 or 0x95 or 0x96 or 0x97 or 0xC5) ? SigningKeyKind.OpenPgp : SigningKeyKind.Unknown;
    }
}
