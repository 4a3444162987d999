using System.Text;
using System.Text.Json;

namespace Boxer.Core.Sbom;

/// <summary>
/// Writes SPDX 2.3 JSON (spdx/spdx-spec <c>schemas/spdx-schema.json</c>): the document describes each package;
/// a package has its database name and version, supplier (dpkg's maintainer), home page, summary, declared
/// licence as a comment (Portage's LICENSE is not an SPDX expression, so <c>licenseDeclared</c> stays
/// NOASSERTION), and its purl as a PACKAGE-MANAGER reference. Keys and packages come in a fixed order.
/// </summary>
public static class SpdxJsonWriter
{
    /// <summary>The base of every document namespace; the path makes it unique per content.</summary>
    public const string NamespaceBase = "https://boxer.invalid/spdx/";

    /// <summary>Serializes the inventory.</summary>
    public static byte[] Write(PackageInventory inventory, SbomSubject subject)
    {
        string? Purl(InstalledPackage p) => PackageUrl.For(p, subject.Stage.OsRelease);
        string digest = SbomJson.ContentDigest("spdx-2.3", inventory, subject, Purl);
        return SbomJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("spdxVersion", "SPDX-2.3");
            json.WriteString("dataLicense", "CC0-1.0");
            json.WriteString("SPDXID", "SPDXRef-DOCUMENT");
            json.WriteString("name", subject.Stage.SourceName);
            json.WriteString("documentNamespace", $"{NamespaceBase}{PackageUrl.Escape(subject.Stage.SourceName)}-{digest}");
            json.WriteStartObject("creationInfo");
            json.WriteString("created", subject.Timestamp);
            json.WriteStartArray("creators");
            json.WriteStringValue($"Tool: boxer-{subject.BoxerVersion}");
            json.WriteEndArray();
            json.WriteString("comment", subject.Comment);
            json.WriteEndObject();
            json.WriteString("comment", subject.Comment);
            json.WriteStartArray("packages");
            foreach (var package in inventory.Packages)
            {
                WritePackage(json, package, Purl(package));
            }
            json.WriteEndArray();
            json.WriteStartArray("relationships");
            foreach (var package in inventory.Packages)
            {
                json.WriteStartObject();
                json.WriteString("spdxElementId", "SPDXRef-DOCUMENT");
                json.WriteString("relationshipType", "DESCRIBES");
                json.WriteString("relatedSpdxElement", SpdxId(package));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary><c>SPDXRef-Package-&lt;database&gt;-&lt;name&gt;-&lt;key&gt;</c>, in the characters the schema allows.</summary>
    public static string SpdxId(InstalledPackage package)
    {
        var name = new StringBuilder();
        foreach (char c in package.FullName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }
        return $"SPDXRef-Package-{package.Database.ToString().ToLowerInvariant()}-{name}-{SbomJson.PackageKey(package)}";
    }

    private static void WritePackage(Utf8JsonWriter json, InstalledPackage package, string? purl)
    {
        json.WriteStartObject();
        json.WriteString("name", package.FullName);
        json.WriteString("SPDXID", SpdxId(package));
        json.WriteString("versionInfo", package.Version);
        json.WriteString("supplier", package.Maintainer is { } maintainer ? Supplier(maintainer) : "NOASSERTION");
        json.WriteString("downloadLocation", "NOASSERTION");
        json.WriteBoolean("filesAnalyzed", false);
        if (SbomJson.Homepages(package).FirstOrDefault() is { } homepage)
        {
            json.WriteString("homepage", homepage);
        }
        json.WriteString("licenseConcluded", "NOASSERTION");
        json.WriteString("licenseDeclared", "NOASSERTION");
        if (package.License is { } license)
        {
            json.WriteString("licenseComments", $"{package.Database} declares: {license}");
        }
        json.WriteString("copyrightText", "NOASSERTION");
        if (package.Description is { } description)
        {
            json.WriteString("summary", description);
        }
        if (Comment(package) is { Length: > 0 } comment)
        {
            json.WriteString("comment", comment);
        }
        if (purl is not null)
        {
            json.WriteStartArray("externalRefs");
            json.WriteStartObject();
            json.WriteString("referenceCategory", "PACKAGE-MANAGER");
            json.WriteString("referenceType", "purl");
            json.WriteString("referenceLocator", purl);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>What the database says that SPDX has no field for: architecture, slot, repository, source package.</summary>
    private static string Comment(InstalledPackage package) => string.Join("; ", new[]
    {
        package.Architecture is { } arch ? $"architecture {arch}" : null,
        package.Slot is { } slot ? $"slot {slot}" : null,
        package.Repository is { } repository ? $"repository {repository}" : null,
        package.SourcePackage is { } source ? $"source {source}{(package.SourceVersion is { } v ? $" {v}" : "")}" : null,
    }.OfType<string>());

    /// <summary>dpkg's <c>Name &lt;mail&gt;</c> as SPDX's <c>Person: Name (mail)</c>.</summary>
    private static string Supplier(string maintainer)
    {
        int open = maintainer.IndexOf('<');
        int close = maintainer.LastIndexOf('>');
        return open >= 0 && close > open
            ? $"Person: {maintainer[..open].Trim()} ({maintainer[(open + 1)..close].Trim()})"
            : $"Person: {maintainer}";
    }
}
