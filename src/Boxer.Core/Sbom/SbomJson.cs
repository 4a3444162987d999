using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Boxer.Core.Sbom;

/// <summary>What both serializers share: the writer settings, the content digest identifiers derive from, and ID helpers.</summary>
internal static class SbomJson
{
    /// <summary>Indented (the document is meant to be read), with <c>+</c>, <c>&lt;</c> and non-ASCII kept as they are.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// The SHA-256 of everything the document says (format, stage digest, recipe, tool, time, every package and
    /// its purl), lowercase hex: the SPDX namespace and the CycloneDX serial number are made from it, so the
    /// same inputs give the same bytes and different inputs different identifiers, without randomness.
    /// </summary>
    public static string ContentDigest(string format, PackageInventory inventory, SbomSubject subject, Func<InstalledPackage, string?> purl)
    {
        var text = new StringBuilder()
            .Append(format).Append('\n').Append(subject.Stage.SourceSha256).Append('\n')
            .Append(subject.Recipe.Name).Append(' ').Append(subject.Recipe.Sha256).Append('\n')
            .Append(subject.BoxerVersion).Append('\n').Append(subject.Timestamp).Append('\n');
        foreach (var p in inventory.Packages)
        {
            text.Append(p.Database).Append(' ').Append(p.FullName).Append(' ').Append(p.Version).Append(' ')
                .Append(p.Architecture).Append(' ').Append(purl(p)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A short stable ID for a package, unique within a document (name, version and architecture hashed).</summary>
    public static string PackageKey(InstalledPackage package) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{package.Database}\n{package.FullName}\n{package.Version}\n{package.Architecture}")))[..16];

    /// <summary>The home pages that are absolute http(s) URLs; anything else a database holds is left out.</summary>
    public static IEnumerable<string> Homepages(InstalledPackage package) =>
        (package.Homepage ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(h => Uri.TryCreate(h, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && h.All(c => c > ' ' && c < 0x7f));
}
