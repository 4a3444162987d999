namespace Boxer.Abstractions.Testing;

/// <summary>What <c>boxer test</c> was asked to boot.</summary>
/// <param name="Reference">
/// The reference as the user gave it: an existing file's full path, an engine image reference, or
/// <c>scheme:rest</c> (e.g. <c>lxd:gentoo</c>) with the scheme still on.
/// </param>
/// <param name="IsFile">True when <paramref name="Reference"/> is an existing regular file.</param>
public sealed record ImageTestSubject(string Reference, bool IsFile)
{
    /// <summary>The part after <c>scheme:</c> for a scheme reference; the whole reference otherwise.</summary>
    /// <param name="scheme">The scheme, without the colon.</param>
    /// <returns>The reference without its scheme prefix.</returns>
    public string WithoutScheme(string scheme) =>
        Reference.StartsWith(scheme + ":", StringComparison.Ordinal) ? Reference[(scheme.Length + 1)..] : Reference;
}
