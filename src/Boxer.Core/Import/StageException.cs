using System.Text;
using Boxer.Core.Listing;

namespace Boxer.Core.Import;

/// <summary>
/// The stage3 cannot be used. The message is one line naming the problem, the entry and the byte offset,
/// e.g. <c>bad header checksum (entry 'etc/passwd', offset 10240)</c>.
/// </summary>
public sealed class StageException(string message, string? entryPath = null, long? offset = null, Exception? inner = null)
    : Exception(Compose(message, entryPath, offset), inner)
{
    /// <summary>The problem alone, without the entry and offset.</summary>
    public string Problem { get; } = message;

    /// <summary>The archive entry at fault, as the archive names it, when one is known.</summary>
    public string? EntryPath { get; } = entryPath;

    /// <summary>The offset in the uncompressed tar stream of the header at fault.</summary>
    public long? Offset { get; } = offset;

    /// <summary>The one-line text for a problem at an entry and offset; warnings use it too.</summary>
    internal static string Compose(string message, string? entryPath, long? offset)
    {
        var text = new StringBuilder(message);
        if (entryPath is not null || offset is not null)
        {
            text.Append(" (");
            if (entryPath is not null)
            {
                text.Append("entry '").Append(NameEscaper.Escape(entryPath)).Append('\'');
            }
            if (offset is not null)
            {
                text.Append(entryPath is null ? "" : ", ").Append("offset ").Append(offset.Value);
            }
            text.Append(')');
        }
        return OneLine(text.ToString());
    }

    // Hostile names may hold newlines or control characters; the message must stay one printable line.
    // Names are escaped as listings escape them; this catches whatever a problem text let through.
    private static string OneLine(string text) =>
        string.Create(text.Length, text, static (span, s) =>
        {
            for (int i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? '?' : s[i];
            }
        });
}
