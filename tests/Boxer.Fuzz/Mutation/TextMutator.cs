using System.Text;

namespace Boxer.Fuzz.Mutation;

/// <summary>Mutations of line-based text (os-release, option values): quotes, escapes, separators, odd characters.</summary>
public static class TextMutator
{
    private static readonly string[] Pieces =
    [
        "\"", "'", "\\", "\\\"", "=", "==", "\n", "\r\n", "\0", "$", "`", "#", " ", "\t", "\u00e9", "\u200b", "\ud83d\ude00", "\uffff",
        "ID=", "NAME=\"", "VERSION_ID='", "PRETTY_NAME=\"\\", "=\"\"", new string('x', 5000), new string('"', 50), "\\\n", "%n", "{0}",
        "..", "../", ":", "@sha256:", "-", "--", "0", "-1", "99999999999999999999", "1e9", "0x10", "\u0085", "\u2028",
    ];

    /// <summary>One text mutation of the UTF-8 <paramref name="input"/>.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        if (random.Next(6) == 0)
        {
            return ByteMutator.Mutate(input, random);
        }
        var text = Encoding.UTF8.GetString(input);
        int at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        string piece = Pieces[random.Next(Pieces.Length)];
        text = random.Next(3) switch
        {
            0 => text.Insert(at, piece),
            1 => text[..at] + piece + text[Math.Min(text.Length, at + random.Next(8))..],
            _ => text.Remove(at, Math.Min(text.Length - at, random.Next(16))),
        };
        return Encoding.UTF8.GetBytes(text);
    }
}
