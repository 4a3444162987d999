using System.Text.RegularExpressions;

namespace Boxer.Core.Sources;

/// <summary>
/// A Gentoo <c>.DIGESTS</c> file (its clear-signature, if any, already checked): sections headed
/// <c># BLAKE2B HASH</c>, <c># SHA512 HASH</c> (…) of <c>&lt;hex&gt;  &lt;file&gt;</c> lines. A <c>.sha256</c>
/// file is the same with one SHA256 section, or none (sha256sum's output).
/// </summary>
public sealed partial class DigestsFile
{
    /// <summary>The algorithms boxer checks; others (WHIRLPOOL, MD5 in old files) are ignored.</summary>
    public static readonly IReadOnlyList<string> Checked = ["BLAKE2B", "SHA512", "SHA256"];

    private DigestsFile(IReadOnlyList<DigestEntry> entries) => Entries = entries;

    /// <summary>Every line, in order.</summary>
    public IReadOnlyList<DigestEntry> Entries { get; }

    /// <summary>The checked digests of <paramref name="fileName"/>; empty when the file does not name it.</summary>
    public IReadOnlyList<DigestEntry> For(string fileName) =>
        [.. Entries.Where(e => e.FileName == fileName && Checked.Contains(e.Algorithm))];

    /// <summary>Reads the lines; a line before any header counts as <paramref name="defaultAlgorithm"/>.</summary>
    public static DigestsFile Parse(string text, string? defaultAlgorithm = null)
    {
        var entries = new List<DigestEntry>();
        string? algorithm = defaultAlgorithm;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (Header().Match(line) is { Success: true } header)
            {
                algorithm = header.Groups[1].Value.ToUpperInvariant();
            }
            else if (algorithm is not null && Digest().Match(line) is { Success: true } digest)
            {
                // sha256sum marks binary mode with '*' before the name; the path may carry directories.
                var name = digest.Groups[2].Value.TrimStart('*');
                entries.Add(new DigestEntry(algorithm, digest.Groups[1].Value.ToLowerInvariant(), name[(name.LastIndexOf('/') + 1)..]));
            }
        }
        return new DigestsFile(entries);
    }

    [GeneratedRegex(@"^#\s*([A-Za-z0-9]+)\s+HASH\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^([0-9a-fA-F]{32,128})\s+(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();
}
