using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Boxer.Targets.Docker;

/// <summary>
/// An image reference as Docker reads it: <c>[registry[:port]/]name[:tag]</c>. The first component is a
/// registry when it has a dot or a port or is <c>localhost</c>; otherwise the image lives on Docker Hub and
/// a one-component name gets the <c>library/</c> prefix. The tag defaults to <c>latest</c>.
/// </summary>
public sealed partial record ImageReference(string Registry, string Repository, string Tag)
{
    /// <summary>The registry host Docker Hub images resolve to.</summary>
    public const string DockerHub = "docker.io";

    private const string DefaultTag = "latest";

    /// <summary>The host the registry API is served from (Docker Hub's API lives on another name).</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>The reference as the engine names the image, e.g. <c>funtoo:latest</c> or <c>127.0.0.1:5000/x:1</c>.</summary>
    public string FamiliarName =>
        Registry == DockerHub
            ? $"{(Repository.StartsWith("library/", StringComparison.Ordinal) ? Repository["library/".Length..] : Repository)}:{Tag}"
            : $"{Registry}/{Repository}:{Tag}";

    /// <summary>The repository as the engine names it, without the tag.</summary>
    public string FamiliarRepository => FamiliarName[..FamiliarName.LastIndexOf(':')];

    public override string ToString() => FamiliarName;

    /// <summary>Parses a reference; throws <see cref="FormatException"/> with the reason when it is malformed.</summary>
    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out string? error) ? reference : throw new FormatException(error);

    /// <summary>Returns why <paramref name="text"/> is not a valid reference, or null when it is.</summary>
    public static string? Check(string text) => TryParse(text, out _, out string? error) ? null : error;

    public static bool TryParse(string text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        string rest = text;
        string registry = DockerHub;
        int slash = rest.IndexOf('/');
        if (slash > 0 && LooksLikeRegistry(rest[..slash]))
        {
            registry = rest[..slash];
            rest = rest[(slash + 1)..];
        }
        string tag = DefaultTag;
        int colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"'{text}': the tag '{tag}' may hold only letters, digits, '_', '.', '-' (max 128, not starting with '.' or '-')";
                return false;
            }
        }
        if (!NamePattern().IsMatch(rest))
        {
            error = $"'{text}' is not a valid image name: use [registry[:port]/]name[:tag] with a lowercase name";
            return false;
        }
        if (registry == DockerHub && !rest.Contains('/'))
        {
            rest = "library/" + rest;
        }
        reference = new ImageReference(registry, rest, tag);
        error = null;
        return true;
    }

    private static bool LooksLikeRegistry(string component) =>
        component.Contains('.') || component.Contains(':') || component == "localhost";

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();
}
