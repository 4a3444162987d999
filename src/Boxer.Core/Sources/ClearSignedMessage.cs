using System.Text;
using Boxer.Core.Import;

namespace Boxer.Core.Sources;

/// <summary>
/// An OpenPGP clear-signed message (RFC 4880 §7) taken apart: the text as signed (dash-escaping undone) and
/// the armored signature block. The bytes a signature covers are the lines with trailing spaces and tabs
/// removed, joined by CR LF, without a final line ending.
/// </summary>
public sealed record ClearSignedMessage(string Text, byte[] SignedBytes, string SignatureArmor)
{
    private const string Begin = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string SignatureBegin = "-----BEGIN PGP SIGNATURE-----";

    /// <summary>Whether <paramref name="text"/> is a clear-signed message.</summary>
    public static bool IsClearSigned(string text) => text.TrimStart().StartsWith(Begin, StringComparison.Ordinal);

    /// <summary>Splits a clear-signed message.</summary>
    /// <param name="text">The whole message.</param>
    /// <param name="what">What it is (a URL or path), for the message.</param>
    /// <exception cref="StageException">The message is malformed.</exception>
    public static ClearSignedMessage Parse(string text, string what)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == Begin);
        // Armor headers (Hash: ...) end at the first empty line.
        int body = start < 0 ? -1 : Array.FindIndex(lines, start + 1, l => l.TrimEnd().Length == 0);
        int signature = body < 0 ? -1 : Array.FindIndex(lines, body + 1, l => l.TrimEnd() == SignatureBegin);
        if (signature < 0)
        {
            throw new StageException($"{what}: a malformed clear-signed message (no text or no signature block)");
        }
        var signed = lines[(body + 1)..signature].Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l).ToList();
        var canonical = string.Join("\r\n", signed.Select(l => l.TrimEnd(' ', '\t')));
        return new ClearSignedMessage(
            string.Join('\n', signed), Encoding.UTF8.GetBytes(canonical), string.Join('\n', lines[signature..]));
    }
}
