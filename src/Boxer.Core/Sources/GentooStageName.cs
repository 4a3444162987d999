using System.Text.RegularExpressions;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Sources;

/// <summary>
/// A Gentoo autobuild: <c>gentoo:&lt;arch&gt;-&lt;flavour&gt;[@&lt;timestamp&gt;]</c> or
/// <c>gentoo:&lt;dir&gt;/&lt;arch&gt;-&lt;flavour&gt;[@&lt;timestamp&gt;]</c>, where <c>arch</c> is spelled as in the
/// tarball's name (<c>amd64</c>, <c>armv7a_hardfp</c>) and <c>dir</c> is the release directory
/// (<c>amd64</c>, <c>arm</c>), looked up in <see cref="GentooArches"/> when not given.
/// </summary>
public sealed partial record GentooStageName(string Directory, string Arch, string Flavour, string? Timestamp)
{
    /// <summary>The name as the tarball spells it: <c>amd64-openrc</c>.</summary>
    public string Stem => $"{Arch}-{Flavour}";

    /// <summary>The canonical text, with the directory: <c>gentoo:amd64/amd64-openrc@20261130T170351Z</c>.</summary>
    public override string ToString() =>
        $"{StageReference.GentooPrefix}{Directory}/{Stem}{(Timestamp is null ? "" : "@" + Timestamp)}";

    /// <summary>Parses the name (with its <c>gentoo:</c> prefix).</summary>
    /// <exception cref="UsageException">The name does not parse, or its arch is unknown and no directory is given.</exception>
    public static GentooStageName Parse(string text)
    {
        var match = Shape().Match(text);
        if (!match.Success)
        {
            throw new UsageException(
                $"--stage {text}: not a Gentoo stage name; write gentoo:<arch>-<flavour>[@<timestamp>], e.g. gentoo:amd64-openrc or gentoo:arm/armv7a_hardfp-openrc@20261130T170351Z");
        }
        string arch = match.Groups["arch"].Value;
        string? directory = match.Groups["dir"].Success ? match.Groups["dir"].Value : GentooArches.DirectoryOf(arch);
        if (directory is null)
        {
            throw new UsageException(
                $"--stage {text}: unknown Gentoo arch '{arch}'; name its release directory as gentoo:<dir>/{arch}-<flavour> (known arches: {GentooArches.Known})");
        }
        string? timestamp = match.Groups["ts"].Success ? match.Groups["ts"].Value : null;
        return new GentooStageName(directory, arch, match.Groups["flavour"].Value, timestamp);
    }

    // Arches have no '-' (amd64, armv7a_hardfp, hppa2.0, rv64_lp64d), so the first '-' ends the arch; flavours
    // may have several (desktop-openrc, nomultilib-systemd-mergedusr). No '/' or '..' can pass, so the name
    // cannot step out of the mirror's release tree.
    [GeneratedRegex(@"^gentoo:(?:(?<dir>[a-z0-9_]+)/)?(?<arch>[a-z0-9_]+(?:\.[0-9]+)?)-(?<flavour>[a-z0-9_+]+(?:-[a-z0-9_+]+)*)(?:@(?<ts>[0-9]{8}(?:T[0-9]{6}Z)?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
