using Boxer.Core.Pipeline;

namespace Boxer.Core.Sources;

/// <summary>
/// Which Gentoo mirror a <c>gentoo:</c> name is resolved on: <c>--mirror</c>, else <c>BOXER_GENTOO_MIRROR</c>,
/// else <c>gentoo-mirror = URL</c> in the config file, else Gentoo's own distfiles host.
/// </summary>
public static class MirrorSettings
{
    /// <summary>The mirror used when nothing names one.</summary>
    public const string DefaultMirror = "https://distfiles.gentoo.org";

    /// <summary>The config file's key for the mirror.</summary>
    public const string ConfigKey = "gentoo-mirror";

    /// <summary>The mirror's base URL, without a trailing slash.</summary>
    /// <exception cref="UsageException">The chosen value is not an http(s) URL.</exception>
    public static Uri Resolve(SourceOptions options)
    {
        var (value, from) = options.Mirror is { } given ? (given, "--mirror")
            : options.MirrorVariable is { } variable ? (variable, "BOXER_GENTOO_MIRROR")
            : ReadConfig(options.ConfigFile) is { } configured ? (configured, options.ConfigFile!)
            : (DefaultMirror, "the default");
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"mirror '{value}' (from {from}) is not an http(s) URL");
        }
        return url;
    }

    /// <summary>The <c>gentoo-mirror</c> value of a <c>key = value</c> config file (<c>#</c> starts a comment), or null.</summary>
    public static string? ReadConfig(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Split('#', 2)[0];
            var parts = line.Split('=', 2);
            if (parts.Length == 2 && parts[0].Trim() == ConfigKey && parts[1].Trim().Length > 0)
            {
                return parts[1].Trim();
            }
        }
        return null;
    }
}
