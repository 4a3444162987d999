using System.Text.Json;

namespace Boxer.Core.Sbom;

/// <summary>
/// Writes CycloneDX 1.6 JSON (CycloneDX/specification <c>schema/bom-1.6.schema.json</c>): the stage3 is the
/// metadata component (a container, with its SHA-256), each package a library component with its purl,
/// publisher (dpkg's maintainer), description, licence as recorded (a name: Portage's LICENSE is not an
/// SPDX expression), home page, and what else its database says as <c>boxer:*</c> properties.
/// </summary>
public static class CycloneDxJsonWriter
{
    /// <summary>Serializes the inventory.</summary>
    public static byte[] Write(PackageInventory inventory, SbomSubject subject)
    {
        string? Purl(InstalledPackage p) => PackageUrl.For(p, subject.Stage.OsRelease);
        string digest = SbomJson.ContentDigest("cyclonedx-1.6", inventory, subject, Purl);
        return SbomJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", "1.6");
            json.WriteString("serialNumber", "urn:uuid:" + Uuid(digest));
            json.WriteNumber("version", 1);
            WriteMetadata(json, subject);
            json.WriteStartArray("components");
            foreach (var package in inventory.Packages)
            {
                WriteComponent(json, package, Purl(package));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// A name-based UUID (version 5 layout: the version nibble 5 and the RFC 4122 variant set) whose other
    /// bits are the first 128 of the content digest.
    /// </summary>
    public static string Uuid(string hexDigest)
    {
        byte[] bytes = Convert.FromHexString(hexDigest[..32]);
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        string hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static void WriteMetadata(Utf8JsonWriter json, SbomSubject subject)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", subject.Timestamp);
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "boxer");
        json.WriteString("version", subject.BoxerVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("component");
        json.WriteString("bom-ref", "stage3");
        json.WriteString("type", "container");
        json.WriteString("name", subject.Stage.SourceName);
        json.WriteString("description", subject.Comment);
        json.WriteStartArray("hashes");
        json.WriteStartObject();
        json.WriteString("alg", "SHA-256");
        json.WriteString("content", subject.Stage.SourceSha256);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        WriteProperties(json,
        [
            ("boxer:recipe", subject.Recipe.Name),
            ("boxer:recipe:sha256", subject.Recipe.Sha256.Length > 0 ? subject.Recipe.Sha256 : null),
            ("boxer:stage:sha256", subject.Stage.SourceSha256),
        ]);
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, InstalledPackage package, string? purl)
    {
        json.WriteStartObject();
        json.WriteString("bom-ref", $"{package.Database.ToString().ToLowerInvariant()}-{SbomJson.PackageKey(package)}");
        json.WriteString("type", "library");
        if (package.Maintainer is { } maintainer)
        {
            json.WriteString("publisher", maintainer);
        }
        if (package.Category is { } category)
        {
            json.WriteString("group", category);
        }
        json.WriteString("name", package.Name);
        json.WriteString("version", package.Version);
        if (package.Description is { } description)
        {
            json.WriteString("description", description);
        }
        if (package.License is { } license)
        {
            json.WriteStartArray("licenses");
            json.WriteStartObject();
            json.WriteStartObject("license");
            json.WriteString("name", license);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (purl is not null)
        {
            json.WriteString("purl", purl);
        }
        var homepages = SbomJson.Homepages(package).ToList();
        if (homepages.Count > 0)
        {
            json.WriteStartArray("externalReferences");
            foreach (string homepage in homepages)
            {
                json.WriteStartObject();
                json.WriteString("url", homepage);
                json.WriteString("type", "website");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        WriteProperties(json,
        [
            ("boxer:package:database", package.Database.ToString().ToLowerInvariant()),
            ("boxer:package:architecture", package.Architecture),
            ("boxer:package:slot", package.Slot),
            ("boxer:package:repository", package.Repository),
            ("boxer:package:source", package.SourcePackage),
            ("boxer:package:source-version", package.SourceVersion),
        ]);
        json.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter json, (string Name, string? Value)[] properties)
    {
        json.WriteStartArray("properties");
        foreach (var (name, value) in properties.Where(p => p.Value is not null))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
