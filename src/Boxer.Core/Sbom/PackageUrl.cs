using System.Text;

namespace Boxer.Core.Sbom;

/// <summary>
/// Package URLs as syft writes them (anchore/packageurl-go, whose <c>escape</c> is Go's
/// <c>url.QueryEscape</c> with spaces as <c>%20</c>, and whose qualifiers are sorted by key):
/// <list type="bullet">
/// <item>dpkg: <c>pkg:deb/&lt;ID&gt;/&lt;name&gt;@&lt;version&gt;?arch=…&amp;distro=&lt;ID&gt;-&lt;VERSION_ID&gt;&amp;upstream=…</c>, only
/// for a Debian-like os-release (<c>ID</c> or <c>ID_LIKE</c> naming debian), as syft;</item>
/// <item>Portage: <c>pkg:ebuild/&lt;category&gt;%2F&lt;name&gt;@&lt;PVR&gt;</c> (the purl spec has no Gentoo type; syft's choice);</item>
/// <item>apk: <c>pkg:apk/&lt;ID&gt;/&lt;name&gt;@&lt;version&gt;?arch=…&amp;distro=…&amp;upstream=&lt;origin&gt;</c>.</item>
/// </list>
/// </summary>
public static class PackageUrl
{
    /// <summary>The purl of <paramref name="package"/>, or null where syft writes none.</summary>
    /// <param name="package">The package.</param>
    /// <param name="osRelease">The tree's os-release pairs (<c>ID</c>, <c>ID_LIKE</c>, <c>VERSION_ID</c>, <c>BUILD_ID</c>).</param>
    public static string? For(InstalledPackage package, IReadOnlyDictionary<string, string> osRelease)
    {
        string id = Get(osRelease, "ID") ?? "";
        string? distro = Distro(osRelease);
        switch (package.Database)
        {
            case PackageDatabase.Portage:
                return Build("ebuild", null, package.FullName, package.Version, []);
            case PackageDatabase.Dpkg:
                bool debianLike = id == "debian" || (Get(osRelease, "ID_LIKE") ?? "").Split(' ').Contains("debian");
                if (!debianLike)
                {
                    return null;
                }
                string? upstream = package.SourcePackage is null ? null
                    : package.SourceVersion is null ? package.SourcePackage : $"{package.SourcePackage}@{package.SourceVersion}";
                return Build("deb", id, package.Name, package.Version,
                    [("arch", package.Architecture), ("distro", distro), ("upstream", upstream)]);
            default:
                return id.Length == 0 ? null : Build("apk", id, package.Name, package.Version,
                    [("arch", package.Architecture), ("distro", distro), ("upstream", package.SourcePackage)]);
        }
    }

    /// <summary>Go's <c>url.QueryEscape</c> (everything but <c>A-Z a-z 0-9 - _ . ~</c> as UTF-8 <c>%XX</c>), space as <c>%20</c>.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }

    /// <summary>syft's <c>distro</c> qualifier: <c>ID-VERSION_ID</c> (or <c>ID-BUILD_ID</c>), whichever parts exist.</summary>
    private static string? Distro(IReadOnlyDictionary<string, string> osRelease)
    {
        string[] parts = [.. new[] { Get(osRelease, "ID"), Get(osRelease, "VERSION_ID") ?? Get(osRelease, "BUILD_ID") }.OfType<string>()];
        return parts.Length == 0 ? null : string.Join('-', parts);
    }

    private static string Build(string type, string? ns, string name, string version, (string Key, string? Value)[] qualifiers)
    {
        var purl = new StringBuilder("pkg:").Append(type).Append('/');
        if (!string.IsNullOrEmpty(ns))
        {
            purl.Append(Escape(ns)).Append('/');
        }
        purl.Append(Escape(name)).Append('@').Append(Escape(version));
        var present = qualifiers.Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        if (present.Count > 0)
        {
            purl.Append('?').AppendJoin('&', present.Select(q => $"{Escape(q.Key)}={Escape(q.Value!)}"));
        }
        return purl.ToString();
    }

    private static string? Get(IReadOnlyDictionary<string, string> pairs, string key) =>
        pairs.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
