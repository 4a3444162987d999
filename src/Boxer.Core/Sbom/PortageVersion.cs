using System.Text.RegularExpressions;

namespace Boxer.Core.Sbom;

/// <summary>
/// Splits a Portage PF (<c>glibc-2.38-r10</c>) into PN and PVR by the version syntax of the Package Manager
/// Specification (§3.2): digits in dot-separated components, one optional letter, any number of
/// <c>_alpha _beta _pre _rc _p</c> suffixes each with an optional number, and an optional <c>-rN</c> revision.
/// PN is everything before the first hyphen after which the rest is such a version; a PN (§3.1.2) is letters,
/// digits, <c>+ _ -</c>, not starting with a hyphen.
/// </summary>
public static partial class PortageVersion
{
    /// <summary>Splits <paramref name="pf"/>; false when it is not a valid PF.</summary>
    /// <param name="pf">The PF, e.g. <c>busybox-1.36.1-r3</c>.</param>
    /// <param name="name">PN, e.g. <c>busybox</c>.</param>
    /// <param name="pvr">PVR, e.g. <c>1.36.1-r3</c>.</param>
    public static bool TrySplit(string pf, out string name, out string pvr)
    {
        var match = PackageWithVersion().Match(pf);
        (name, pvr) = match.Success ? (match.Groups["pn"].Value, match.Groups["pvr"].Value) : ("", "");
        return match.Success;
    }

    /// <summary>True if <paramref name="version"/> is a PMS version, with or without a revision.</summary>
    public static bool IsVersion(string version) => VersionOnly().IsMatch(version);

    private const string Version = @"[0-9]+(?:\.[0-9]+)*[a-z]?(?:_(?:alpha|beta|pre|rc|p)[0-9]*)*(?:-r[0-9]+)?";

    [GeneratedRegex(@"\A(?<pn>[A-Za-z0-9_+][A-Za-z0-9_+-]*?)-(?<pvr>" + Version + @")\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PackageWithVersion();

    [GeneratedRegex(@"\A" + Version + @"\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VersionOnly();
}
