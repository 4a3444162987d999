using System.Text;

namespace Boxer.TestSupport;

/// <summary>Path spellings shared by the listing parsers.</summary>
internal static class ListingPath
{
    /// <summary><c>etc/x</c>, <c>/etc/x</c>, <c>./etc/x/</c> all become <c>./etc/x</c>; the root becomes <c>./</c>.</summary>
    public static string Normalize(string path)
    {
        var p = path;
        while (true)
        {
            if (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p[2..];
            }
            else if (p.StartsWith('/'))
            {
                p = p[1..];
            }
            else
            {
                break;
            }
        }
        p = p.TrimEnd('/');
        return p is "" or "." ? "./" : "./" + p;
    }

    /// <summary>
    /// Undoes C-style escapes as GNU tar's <c>--quoting-style=escape</c> and getfattr print them
    /// (<c>\\</c>, <c>\n</c>, <c>\ooo</c> octal bytes, which may spell UTF-8 sequences).
    /// </summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }
            var next = text[++i];
            if (next is >= '0' and <= '7' && i + 2 < text.Length && IsOctal(text[i + 1]) && IsOctal(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i, 3), 8));
                i += 2;
                continue;
            }
            bytes.Add(next switch
            {
                'a' => 7,
                'b' => 8,
                't' => 9,
                'n' => 10,
                'v' => 11,
                'f' => 12,
                'r' => 13,
                _ => (byte)next,
            });
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
