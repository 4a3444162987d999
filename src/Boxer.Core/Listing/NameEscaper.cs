using System.Globalization;
using System.Text;

namespace Boxer.Core.Listing;

/// <summary>
/// Escapes names for one-line output the way GNU tar's default <c>--quoting-style=escape</c> does in a
/// UTF-8 locale: <c>\\</c> for a backslash, <c>\a \b \t \n \v \f \r</c>, and every other control
/// character (C0, DEL, C1) or line/paragraph separator as backslash-octal UTF-8 bytes (<c>\033</c>,
/// <c>\302\205</c>). Printable text, non-ASCII included, stays as it is. A hostile name can then neither
/// forge listing lines nor send escape sequences to the terminal.
/// </summary>
internal static class NameEscaper
{
    public static string Escape(string name)
    {
        if (!NeedsEscaping(name))
        {
            return name;
        }
        var text = new StringBuilder(name.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '\\')
            {
                text.Append(@"\\");
            }
            else if (!IsUnsafe(c))
            {
                text.Append(c);
            }
            else if (CEscape(c) is { } letter)
            {
                text.Append('\\').Append(letter);
            }
            else
            {
                // Controls and separators are never surrogates: one char, one to three UTF-8 bytes.
                int n = Encoding.UTF8.GetBytes([c], utf8);
                foreach (byte b in utf8[..n])
                {
                    text.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                }
            }
        }
        return text.ToString();
    }

    private static bool NeedsEscaping(string name)
    {
        foreach (char c in name)
        {
            if (c == '\\' || IsUnsafe(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnsafe(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static char? CEscape(char c) => c switch
    {
        '\a' => 'a',
        '\b' => 'b',
        '\t' => 't',
        '\n' => 'n',
        '\v' => 'v',
        '\f' => 'f',
        '\r' => 'r',
        _ => null,
    };
}
