using System.Text.RegularExpressions;

namespace Boxer.Core.Testing;

/// <summary>
/// What plain <c>rc-status</c> (or <c>rc-status -a</c>) printed inside a booted system, parsed: the section
/// headers (<c>Runlevel: default</c>, <c>Stacked Runlevel: x</c>, <c>Dynamic Runlevel: needed/wanted</c>) and
/// the service lines (<c> sshd   [  started 00:01:02 (0) ]</c>) under them. Colour escapes are ignored, so
/// output from a terminal parses too.
/// </summary>
public sealed partial class OpenRcStatus
{
    private OpenRcStatus(IReadOnlyList<string> runlevels, IReadOnlyList<string> stacked, IReadOnlyList<OpenRcService> services)
    {
        Runlevels = runlevels;
        StackedRunlevels = stacked;
        Services = services;
    }

    /// <summary>The runlevels shown with a plain <c>Runlevel:</c> header (the current one, or all with -a).</summary>
    public IReadOnlyList<string> Runlevels { get; }

    /// <summary>The runlevels shown with a <c>Stacked Runlevel:</c> header.</summary>
    public IReadOnlyList<string> StackedRunlevels { get; }

    /// <summary>Every service line, in the order printed.</summary>
    public IReadOnlyList<OpenRcService> Services { get; }

    /// <summary>The services listed under <paramref name="runlevel"/> and the runlevels stacked on it.</summary>
    public IReadOnlyList<OpenRcService> In(string runlevel) =>
        [.. Services.Where(s => s.Section == runlevel || StackedRunlevels.Contains(s.Section))];

    /// <summary>Parses <c>rc-status</c>'s default format.</summary>
    /// <exception cref="FormatException">A line is neither a header, a service line nor blank.</exception>
    public static OpenRcStatus Parse(string text)
    {
        List<string> runlevels = [];
        List<string> stacked = [];
        List<OpenRcService> services = [];
        string? section = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = Escape().Replace(raw, "").TrimEnd('\r', ' ');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (Header().Match(line) is { Success: true } header)
            {
                section = header.Groups["level"].Value;
                var kind = header.Groups["kind"].Value;
                (kind == "Stacked" ? stacked : kind.Length == 0 ? runlevels : []).Add(section);
                continue;
            }
            var service = ServiceLine().Match(line);
            if (!service.Success || section is null)
            {
                throw new FormatException($"not an rc-status line: '{line}'");
            }
            services.Add(new OpenRcService(section, service.Groups["name"].Value, service.Groups["state"].Value, line.Trim()));
        }
        return new OpenRcStatus(runlevels, stacked, services);
    }

    /// <summary>ANSI colour and cursor sequences (einfo colours a terminal's output).</summary>
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    internal static partial Regex Escape();

    [GeneratedRegex(@"^(?:(?<kind>Stacked|Dynamic) )?Runlevel: (?<level>\S+)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*(?<name>\S+)\s+\[\s*(?<state>[a-z]+)[^\]]*\]$")]
    private static partial Regex ServiceLine();
}
