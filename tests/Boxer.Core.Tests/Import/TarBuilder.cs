using System.Text;

namespace Boxer.Core.Tests.Import;

/// <summary>Hand-crafts tar bytes, including the broken and hostile ones no real tool would write.</summary>
internal sealed class TarBuilder
{
    private readonly MemoryStream _out = new();

    public long Length => _out.Length;

    public TarBuilder Entry(string name, char type = '0', byte[]? data = null, string link = "", Action<byte[]>? tweak = null)
    {
        data ??= [];
        var header = Header(Encoding.UTF8.GetBytes(name), type, data.Length, link);
        tweak?.Invoke(header);
        Checksum(header);
        _out.Write(header);
        return Data(data);
    }

    public TarBuilder RawName(byte[] name, char type = '0')
    {
        var header = Header(name, type, 0, "");
        Checksum(header);
        _out.Write(header);
        return this;
    }

    public TarBuilder Pax(char type, params (string Key, byte[] Value)[] records)
    {
        var body = new MemoryStream();
        foreach (var (key, value) in records)
        {
            var tail = Encoding.UTF8.GetByteCount(key) + value.Length + 3;
            int length = tail + Digits(tail);
            length = tail + Digits(length);
            body.Write(Encoding.ASCII.GetBytes($"{length} {key}="));
            body.Write(value);
            body.WriteByte((byte)'\n');
        }
        return Entry("./PaxHeaders/x", type, body.ToArray());
    }

    public TarBuilder End()
    {
        _out.Write(new byte[1024]);
        return this;
    }

    public byte[] ToArray() => _out.ToArray();

    /// <summary>Writes a base-256 number (GNU) into a numeric field: 0x80 then big-endian, or 0xFF then two's complement.</summary>
    public static void Base256(byte[] header, int offset, int length, long value)
    {
        header[offset] = value < 0 ? (byte)0xFF : (byte)0x80;
        for (int i = offset + length - 1; i > offset; i--, value >>= 8)
        {
            header[i] = (byte)value;
        }
    }

    public static void Checksum(byte[] header)
    {
        Array.Fill(header, (byte)' ', 148, 8);
        int sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
    }

    private TarBuilder Data(byte[] data)
    {
        _out.Write(data);
        _out.Write(new byte[(512 - data.Length % 512) % 512]);
        return this;
    }

    private static byte[] Header(byte[] name, char type, long size, string link)
    {
        var h = new byte[512];
        name.AsSpan(0, Math.Min(100, name.Length)).CopyTo(h);
        Octal(h, 100, 8, type == '5' ? 0b111_101_101 : 0b110_100_100);
        Octal(h, 108, 8, 0);
        Octal(h, 116, 8, 0);
        Octal(h, 124, 12, size);
        Octal(h, 136, 12, 1_700_000_000);
        h[156] = (byte)type;
        Encoding.UTF8.GetBytes(link).CopyTo(h, 157);
        "ustar\u000000"u8.ToArray().CopyTo(h, 257);
        return h;
    }

    private static void Octal(byte[] h, int offset, int length, long value) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(length - 1, '0') + "\0").CopyTo(h, offset);

    private static int Digits(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
}
