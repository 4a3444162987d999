using System.Text;

namespace Boxer.Formats.Signing;

/// <summary>
/// ASCII armor (RFC 4880 §6.2) written here rather than by the library, so the bytes carry no library
/// "Version:" header and cannot change with the library: base64 in 64-column lines, then <c>=</c> and the CRC-24.
/// </summary>
internal static class OpenPgpArmor
{
    private const int CrcInit = 0xB704CE;
    private const int CrcPolynomial = 0x1864CFB;

    public static string Signature(byte[] packets)
    {
        string base64 = Convert.ToBase64String(packets);
        var text = new StringBuilder("-----BEGIN PGP SIGNATURE-----\n\n");
        for (int i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64.AsSpan(i, Math.Min(64, base64.Length - i))).Append('\n');
        }
        int crc = Crc24(packets);
        text.Append('=').Append(Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc])).Append('\n');
        return text.Append("-----END PGP SIGNATURE-----\n").ToString();
    }

    private static int Crc24(byte[] bytes)
    {
        int crc = CrcInit;
        foreach (byte b in bytes)
        {
            crc ^= b << 16;
            for (int bit = 0; bit < 8; bit++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0)
                {
                    crc ^= CrcPolynomial;
                }
            }
        }
        return crc & 0xFFFFFF;
    }
}
