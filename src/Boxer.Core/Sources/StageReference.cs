using Boxer.Core.Pipeline;

namespace Boxer.Core.Sources;

/// <summary>
/// A parsed <c>--stage</c> value: a path, an <c>http(s)://</c> URL, or a Gentoo autobuild name
/// (<see cref="GentooStageName"/>). Parsing reads nothing; a <c>gentoo:</c> name that does not parse is a
/// usage error.
/// </summary>
public sealed record StageReference
{
    /// <summary>The prefix of Gentoo autobuild names.</summary>
    public const string GentooPrefix = "gentoo:";

    private StageReference(StageReferenceKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>What the value names.</summary>
    public StageReferenceKind Kind { get; }

    /// <summary>The value as given.</summary>
    public string Text { get; }

    /// <summary>The URL, for <see cref="StageReferenceKind.Url"/>.</summary>
    public Uri? Url { get; private init; }

    /// <summary>The autobuild, for <see cref="StageReferenceKind.Gentoo"/>.</summary>
    public GentooStageName? Gentoo { get; private init; }

    /// <summary>Whether <paramref name="text"/> is something other than a local path (a URL or a <c>gentoo:</c> name).</summary>
    public static bool IsRemote(string text) =>
        text.StartsWith(GentooPrefix, StringComparison.Ordinal) || LooksLikeUrl(text);

    /// <summary>Parses a <c>--stage</c> value.</summary>
    /// <exception cref="UsageException">A <c>gentoo:</c> name or a URL that does not parse.</exception>
    public static StageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(GentooPrefix, StringComparison.Ordinal))
        {
            return new StageReference(StageReferenceKind.Gentoo, text) { Gentoo = GentooStageName.Parse(text) };
        }
        if (LooksLikeUrl(text))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Host.Length == 0)
            {
                throw new UsageException($"--stage {text}: not a valid URL");
            }
            return new StageReference(StageReferenceKind.Url, text) { Url = url };
        }
        return new StageReference(StageReferenceKind.File, text);
    }

    private static bool LooksLikeUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
