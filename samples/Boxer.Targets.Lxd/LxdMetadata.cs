using System.Globalization;
using System.Text;
using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>
/// <c>metadata.yaml</c> and the templates LXD renders into each new instance. The YAML is written by hand:
/// a handful of fixed keys, every value double-quoted and escaped, keys in a fixed order so equal inputs
/// give equal bytes.
/// </summary>
internal sealed class LxdMetadata
{
    /// <summary>Template files (under <c>templates/</c>) and the instance path each one renders to.</summary>
    public static readonly IReadOnlyList<(string Path, string Template, string Text)> Templates =
    [
        ("/etc/hostname", "hostname.tpl", "{{ container.name }}\n"),
        ("/etc/hosts", "hosts.tpl",
            "127.0.0.1\tlocalhost\n127.0.1.1\t{{ container.name }}\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"),
    ];

    private readonly TargetBuildContext _context;

    public LxdMetadata(TargetBuildContext context)
    {
        _context = context;
        // LXD metadata must name an architecture; a stage3 with no ELF file to read one from is taken as amd64.
        var arch = context.Image.Architecture.OrElse(CpuArchitecture.Amd64).Name;
        Architecture = LxdArchitecture.Of(arch) ?? throw new TargetException(
            LxdTarget.TargetName, $"architecture '{arch}' has no LXD name (known: {LxdArchitecture.Known})");
    }

    /// <summary>The architecture in LXD's naming (<c>x86_64</c>, <c>aarch64</c> ...).</summary>
    public string Architecture { get; }

    /// <summary>The os property: os-release NAME, else ID, else "Linux".</summary>
    public string Os => Release("NAME") ?? Release("ID") ?? "Linux";

    /// <summary>The release property: os-release VERSION_ID, else "rolling" (Gentoo has none).</summary>
    public string ReleaseName => Release("VERSION_ID") ?? "rolling";

    /// <summary>The variant property: the init system the image boots.</summary>
    public string Variant => _context.Stage.InitSystem switch
    {
        InitSystem.OpenRC => "openrc",
        InitSystem.Systemd => "systemd",
        _ => "default",
    };

    /// <summary>The description property: names the stage3 and the recipe that finalized it.</summary>
    public string Description =>
        $"{Os} {ReleaseName} {Architecture} ({Variant}) from {_context.Stage.SourceName}, recipe {_context.Recipe.Name}";

    /// <summary>The whole <c>metadata.yaml</c>.</summary>
    public string Yaml()
    {
        var yaml = new StringBuilder()
            .Append("architecture: ").Append(Quote(Architecture)).Append('\n')
            .Append("creation_date: ").Append(_context.CreatedTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("properties:\n");
        foreach (var (key, value) in Properties())
        {
            yaml.Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
        yaml.Append("templates:\n");
        foreach (var (path, template, _) in Templates)
        {
            yaml.Append("  ").Append(path).Append(":\n")
                .Append("    when:\n      - create\n      - copy\n")
                .Append("    create_only: false\n")
                .Append("    template: ").Append(template).Append('\n')
                .Append("    properties: {}\n");
        }
        return yaml.ToString();
    }

    private IEnumerable<(string Key, string Value)> Properties()
    {
        yield return ("architecture", Architecture);
        yield return ("description", Description);
        yield return ("os", Os);
        yield return ("release", ReleaseName);
        yield return ("serial", _context.CreatedTime.UtcDateTime.ToString("yyyyMMdd'_'HHmm", CultureInfo.InvariantCulture));
        yield return ("variant", Variant);
        yield return ("stage3.sha256", _context.Stage.SourceSha256);
        yield return ("recipe", _context.Recipe.Name);
        if (_context.Sbom is { } sbom)
        {
            // The document itself is the file beside the image; the properties say which and check it.
            yield return ("sbom", sbom.FileName);
            yield return ("sbom.media_type", sbom.MediaType);
            yield return ("sbom.sha256", sbom.Digest["sha256:".Length..]);
            yield return ("sbom.packages", sbom.PackageCount.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var (key, value) in _context.Stage.Provenance?.ToLabels() ?? [])
        {
            yield return (key, value);
        }
    }

    private string? Release(string key) =>
        _context.Stage.OsRelease.TryGetValue(key, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
