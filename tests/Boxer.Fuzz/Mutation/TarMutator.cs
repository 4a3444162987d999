using System.Text;

namespace Boxer.Fuzz.Mutation;

/// <summary>
/// Tar-aware mutations: a header field (name, mode, ids, size, mtime, type, link name, magic, prefix) set to a
/// hostile value with the checksum usually fixed up, an inserted PAX record or GNU long name, a dropped block.
/// </summary>
public static class TarMutator
{
    private const int Block = 512;
    private static readonly (int Offset, int Length)[] Fields =
        [(0, 100), (100, 8), (108, 8), (116, 8), (124, 12), (136, 12), (156, 1), (157, 100), (257, 8), (329, 8), (337, 8), (345, 155)];

    private static readonly string[] FieldValues =
    [
        "", "0", "77777777777", "777777777777", "-1", "9", " 12 ", "0x10", "\u0080", "../../etc/passwd", "/abs/path", "a/./b/../../..",
        "dir/", "x\0y", new string('a', 99), "L", "K", "x", "g", "V", "S", "1", "2", "3", "4", "5", "6", "7",
    ];

    private static readonly string[] PaxRecords =
    [
        "path=../../escape", "linkpath=/etc/shadow", "size=99999999999999999999", "size=-1", "size=18446744073709551615",
        "uid=-5", "gid=99999999999", "mtime=1e30", "mtime=-1.5", "mtime=.", "SCHILY.xattr.user.a=\0\u00ff",
        "SCHILY.xattr.=v", "LIBARCHIVE.xattr.user.b=%%", "GNU.sparse.size=100", "path=", "noequals", "=", "path=a\nb",
        "uname=" + new string('u', 300), "hdrcharset=BINARY", "path=\u00e9\u00e9",
    ];

    /// <summary>One tar-aware mutation, or a generic one when no header is found.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        var headers = Headers(input);
        if (headers.Count == 0 || random.Next(5) == 0)
        {
            return ByteMutator.Mutate(input, random);
        }
        int header = headers[random.Next(headers.Count)];
        return random.Next(6) switch
        {
            0 or 1 or 2 => SetField(input, header, random),
            3 => Insert(input, header, Entry('x', "PaxHeaders/x", PaxBody(random))),
            4 => Insert(input, header, Entry('L', "././@LongLink", Encoding.UTF8.GetBytes(new string('n', random.Next(80, 5000)) + "\0"))),
            _ => Drop(input, header, Block * (1 + random.Next(2))),
        };
    }

    /// <summary>The offsets of the headers found by walking the archive by its size fields.</summary>
    public static List<int> Headers(byte[] tar)
    {
        var found = new List<int>();
        int at = 0;
        while (at + Block <= tar.Length && found.Count < 4096 && tar.AsSpan(at, Block).ContainsAnyExcept((byte)0))
        {
            found.Add(at);
            var text = Encoding.ASCII.GetString(tar, at + 124, 12).Trim('\0', ' ');
            long size = 0;
            foreach (char c in text)
            {
                size = c is >= '0' and <= '7' ? Math.Min(size * 8 + (c - '0'), int.MaxValue) : 0;
            }
            long next = at + Block + (size + Block - 1) / Block * Block;
            if (next > tar.Length)
            {
                break;
            }
            at = (int)next;
        }
        return found;
    }

    /// <summary>A tar member: header (ustar, checksum set) and padded data.</summary>
    public static byte[] Entry(char type, string name, byte[] data, string linkName = "", int mode = 0x1A4)
    {
        var header = new byte[Block];
        Encoding.UTF8.GetBytes(name.Length > 100 ? name[..100] : name).CopyTo(header, 0);
        Octal(header, 100, 8, mode);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, data.Length);
        Octal(header, 136, 12, 1_700_000_000);
        header[156] = (byte)type;
        Encoding.UTF8.GetBytes(linkName).CopyTo(header, 157);
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        FixChecksum(header, 0);
        var padded = new byte[(data.Length + Block - 1) / Block * Block];
        data.CopyTo(padded, 0);
        return [.. header, .. padded];
    }

    /// <summary>Recomputes the header checksum at <paramref name="at"/>.</summary>
    public static void FixChecksum(byte[] tar, int at)
    {
        tar.AsSpan(at + 148, 8).Fill((byte)' ');
        int sum = 0;
        foreach (byte b in tar.AsSpan(at, Block))
        {
            sum += b;
        }
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, at + 148);
    }

    private static byte[] SetField(byte[] input, int header, Random random)
    {
        var copy = input.ToArray();
        var (offset, length) = Fields[random.Next(Fields.Length)];
        var field = copy.AsSpan(header + offset, length);
        field.Clear();
        if (random.Next(4) == 0 && length >= 8)
        {
            // GNU base-256: the high bit of the first byte, then big-endian bytes.
            field[0] = (byte)(0x80 | random.Next(2) * 0x7F);
            random.NextBytes(field[1..]);
        }
        else
        {
            var value = Encoding.UTF8.GetBytes(FieldValues[random.Next(FieldValues.Length)]);
            value.AsSpan(0, Math.Min(value.Length, length)).CopyTo(field);
        }
        if (random.Next(10) != 0)
        {
            FixChecksum(copy, header);
        }
        return copy;
    }

    private static byte[] PaxBody(Random random)
    {
        var body = new StringBuilder();
        for (int i = 0, n = 1 + random.Next(3); i < n; i++)
        {
            string record = PaxRecords[random.Next(PaxRecords.Length)];
            // "<length> <key>=<value>\n", the length counting its own digits.
            int bare = Encoding.UTF8.GetByteCount(record) + 2;
            int length = bare + bare.ToString().Length;
            length = bare + length.ToString().Length;
            int stated = random.Next(4) switch { 0 => length + random.Next(-3, 4), 1 => int.MaxValue, _ => length };
            body.Append(stated).Append(' ').Append(record).Append('\n');
        }
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    private static byte[] Drop(byte[] input, int at, int length) =>
        [.. input.AsSpan(0, at), .. input.AsSpan(Math.Min(input.Length, at + length))];

    private static byte[] Insert(byte[] input, int at, byte[] entry) => [.. input.AsSpan(0, at), .. entry, .. input.AsSpan(at)];

    private static void Octal(byte[] header, int offset, int length, long value) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(length - 1, '0') + "\0").CopyTo(header, offset);
}
