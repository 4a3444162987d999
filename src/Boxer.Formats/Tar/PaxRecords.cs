using System.Globalization;
using System.Text;

namespace Boxer.Formats.Tar;

/// <summary>
/// The records of one PAX extended header, kept as raw bytes: <c>"&lt;len&gt; &lt;key&gt;=&lt;value&gt;\n"</c>
/// where len counts the whole record including its own digits. Values are never decoded, so binary
/// xattrs (<c>SCHILY.xattr.security.capability</c>) survive byte for byte.
/// </summary>
internal sealed class PaxRecords
{
    private readonly MemoryStream _bytes = new();

    /// <summary>True when no record was added.</summary>
    public bool IsEmpty => _bytes.Length == 0;

    /// <summary>The encoded records.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);

    public void Add(string key, string value) => Add(key, Encoding.UTF8.GetBytes(value));

    public void Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public void Add(string key, ReadOnlySpan<byte> value)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        // " " + key + "=" + value + "\n"; the length prefix counts its own digits, which may add one more.
        int body = 1 + keyBytes.Length + 1 + value.Length + 1;
        int length = body + Digits(body);
        if (Digits(length) != Digits(body))
        {
            length = body + Digits(length);
        }
        _bytes.Write(Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture)));
        _bytes.WriteByte((byte)' ');
        _bytes.Write(keyBytes);
        _bytes.WriteByte((byte)'=');
        _bytes.Write(value);
        _bytes.WriteByte((byte)'\n');
    }

    private static int Digits(int n) => n.ToString(CultureInfo.InvariantCulture).Length;
}
