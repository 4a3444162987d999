using System.Text;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Boxer.Formats.Signing;

/// <summary>
/// The OpenPGP clear-signed message (RFC 4880 §7) that carries a SIF's signed metadata:
/// <code>
/// -----BEGIN PGP SIGNED MESSAGE-----
/// Hash: SHA256
///
/// {"version":1,"header":{...},"objects":[...]}
/// -----BEGIN PGP SIGNATURE-----
///
/// (armored signature packet over the canonical text)
/// -----END PGP SIGNATURE-----
/// </code>
/// The signature covers the canonical text: lines without trailing spaces, joined by CR LF, no final line end.
/// </summary>
public sealed record ClearSignedMessage(string Text, PgpSignature Signature)
{
    private const string Begin = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string SignatureBegin = "-----BEGIN PGP SIGNATURE-----";

    /// <summary>The bytes a text signature is computed over.</summary>
    /// <param name="text">The message text.</param>
    /// <returns>Its canonical form, UTF-8.</returns>
    public static byte[] CanonicalText(string text) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", Lines(text).Select(line => line.TrimEnd(' ', '\t'))));

    /// <summary>Writes the message: header, dash-escaped text and the armored signature.</summary>
    /// <param name="text">The signed text.</param>
    /// <param name="signature">The signature over <see cref="CanonicalText"/>.</param>
    /// <returns>The message, ASCII.</returns>
    public static byte[] Format(string text, PgpSignature signature)
    {
        var output = new MemoryStream();
        var head = new StringBuilder().Append(Begin).Append('\n').Append("Hash: SHA256\n\n");
        foreach (string line in Lines(text))
        {
            // Dash-escaping: a text line starting with '-' could otherwise pass for an armor line.
            head.Append(line.StartsWith('-') ? "- " : "").Append(line).Append('\n');
        }
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));
        output.Write(Encoding.ASCII.GetBytes(OpenPgpArmor.Signature(signature.GetEncoded())));
        return output.ToArray();
    }

    /// <summary>Reads a clear-signed message.</summary>
    /// <param name="bytes">The message.</param>
    /// <returns>The text (lines joined by LF) and its signature.</returns>
    /// <exception cref="InvalidDataException">Not a clear-signed message with one signature.</exception>
    public static ClearSignedMessage Parse(byte[] bytes)
    {
        string all = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = all.IndexOf(Begin + "\n", StringComparison.Ordinal);
        int blank = start < 0 ? -1 : all.IndexOf("\n\n", start, StringComparison.Ordinal);
        int signatureAt = blank < 0 ? -1 : all.IndexOf("\n" + SignatureBegin, blank, StringComparison.Ordinal);
        if (signatureAt < 0)
        {
            throw new InvalidDataException("not an OpenPGP clear-signed message");
        }
        var lines = all[(blank + 2)..signatureAt].Split('\n').Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l);
        return new ClearSignedMessage(string.Join('\n', lines), ReadSignature(all[(signatureAt + 1)..]));
    }

    private static PgpSignature ReadSignature(string armored)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            var found = new PgpObjectFactory(input).NextPgpObject();
            return found is PgpSignatureList { Count: 1 } list
                ? list[0]
                : throw new InvalidDataException("the clear-signed message does not hold exactly one signature");
        }
        catch (Exception error) when (error is IOException or PgpException)
        {
            throw new InvalidDataException($"the clear-signed message's signature cannot be read: {error.Message}", error);
        }
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
