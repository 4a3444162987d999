using System.Text.RegularExpressions;

namespace Boxer.Core.Recipes.Helpers;

// Keyword semantics follow OpenRC: each `keyword` call in depend() adds its words in order; `-containers`
// expands to the Linux container systems and `!word` removes a word added before. A service is skipped
// under rc_sys X when the resulting set holds `-X` or the old form `noX`.
public sealed partial class OpenRcHelper
{
    /// <summary>The systems OpenRC's <c>-containers</c> keyword stands for on Linux.</summary>
    public static readonly IReadOnlyList<string> ContainerSystems =
        ["docker", "podman", "lxc", "openvz", "rkt", "systemd-nspawn", "uml", "vserver", "wsl"];

    /// <summary>The words of every <c>keyword</c> line of <c>/etc/init.d/SVC</c>, as written.</summary>
    /// <exception cref="RecipeException">There is no <c>/etc/init.d/SVC</c>.</exception>
    public IReadOnlyList<string> Keywords(string service)
    {
        var text = TreeText.Read(fs, $"{InitDir}/{service}", "OpenRC.Keywords");
        return [.. KeywordLine().Matches(text).SelectMany(m => Words(m.Groups[1].Value))];
    }

    /// <summary>True when the script has at least one <c>keyword</c> line.</summary>
    public bool HasKeywords(string service) => Keywords(service).Count > 0;

    /// <summary>True when OpenRC would start <paramref name="service"/> with <c>rc_sys="rcSys"</c>.</summary>
    public bool CanRunUnder(string service, string? rcSys) => WhyNot(service, rcSys) is null;

    /// <summary>
    /// The keyword that keeps <paramref name="service"/> from running under <paramref name="rcSys"/>, as
    /// written in the script (e.g. <c>-docker</c> or <c>-containers</c>); null when it can run.
    /// </summary>
    public string? WhyNot(string service, string? rcSys)
    {
        if (string.IsNullOrEmpty(rcSys))
        {
            return null;
        }
        var sys = rcSys.ToLowerInvariant();
        var effective = new List<(string Word, string Origin)>();
        foreach (var word in Keywords(service))
        {
            foreach (var expanded in Expand(word))
            {
                if (expanded.StartsWith('!'))
                {
                    effective.RemoveAll(e => e.Word == expanded[1..]);
                }
                else
                {
                    effective.Add((expanded, word));
                }
            }
        }
        return effective.FirstOrDefault(e => e.Word == "-" + sys || e.Word == "no" + sys).Origin;
    }

    /// <summary>
    /// Removes from every runlevel each enabled service whose keywords exclude <paramref name="rcSys"/>.
    /// </summary>
    /// <returns>What was dropped, with the keyword as the reason.</returns>
    public IReadOnlyList<DroppedService> DropServicesThatCannotRunUnder(string rcSys)
    {
        var dropped = new List<DroppedService>();
        foreach (var link in EnabledServices())
        {
            if (!fs.Exists($"{InitDir}/{link.Service}"))
            {
                continue;
            }
            if (WhyNot(link.Service, rcSys) is { } keyword)
            {
                dropped.Add(Drop(link, $"keyword {keyword}"));
            }
        }
        return dropped;
    }

    /// <summary>
    /// Removes the listed services from their runlevels only when their script has no <c>keyword</c> line at
    /// all: the fallback for old scripts that predate container keywords.
    /// </summary>
    public IReadOnlyList<DroppedService> DropUnkeyworded(IEnumerable<ServiceLink> services, string reason)
    {
        var dropped = new List<DroppedService>();
        foreach (var link in services)
        {
            var linkPath = $"{RunlevelsDir}/{link.Level}/{link.Service}";
            var script = $"{InitDir}/{link.Service}";
            if (fs.Exists(linkPath) && (!fs.Exists(script) || !HasKeywords(link.Service)))
            {
                dropped.Add(Drop(link, reason));
            }
        }
        return dropped;
    }

    /// <summary>
    /// Removes <paramref name="service"/> from <paramref name="level"/> and records why (shown by <c>--plan</c>
    /// and in the log); false when it was not enabled there.
    /// </summary>
    public bool DropService(string service, string level, string reason)
    {
        if (!fs.Exists($"{RunlevelsDir}/{level}/{service}"))
        {
            return false;
        }
        Drop(new ServiceLink(level, service), reason);
        return true;
    }

    private DroppedService Drop(ServiceLink link, string reason)
    {
        RemoveService(link.Service, link.Level);
        var dropped = new DroppedService(link.Level, link.Service, reason);
        _dropped.Add(dropped);
        log.Info($"dropped {link.Level}/{link.Service} ({reason})");
        return dropped;
    }

    private static IEnumerable<string> Expand(string word) => word switch
    {
        "-containers" => ContainerSystems.Select(s => "-" + s),
        "!-containers" => ContainerSystems.Select(s => "!-" + s),
        _ => [word],
    };

    private static IEnumerable<string> Words(string rest)
    {
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        var code = (hash >= 0 ? rest[..hash] : rest).Split(';')[0];
        return code.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\''));
    }

    [GeneratedRegex("""^[ \t]*keyword[ \t]+(.*)$""", RegexOptions.Multiline)]
    private static partial Regex KeywordLine();
}
