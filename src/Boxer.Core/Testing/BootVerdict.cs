using System.Text;
using Boxer.Abstractions.Testing;

namespace Boxer.Core.Testing;

/// <summary>
/// Whether an OpenRC system booted clean, judged from everything it printed and from <c>rc-status</c> run
/// inside it once the runlevel change is over (<see cref="OpenRcProbe"/>). It fails on a service of the
/// runlevel (and the runlevels stacked on it) that is not <c>started</c> (OpenRC forgets "failed" when the
/// runlevel change ends, so a service whose start failed shows as <c>stopped</c>), on a crashed service in any
/// section, on a missing runlevel section, and on any <c>ERROR:</c> or <c>[ !! ]</c> line in any stream:
/// eerror and eend write to stderr, so a check that reads only stdout misses them.
/// </summary>
public sealed class BootVerdict
{
    private static readonly string[] BadStates = ["crashed", "unsupervised", "failed"];
    private static readonly string[] BadMarks = ["ERROR:", "[ !! ]"];

    private BootVerdict(string runlevel, IReadOnlyList<OpenRcService> services, IReadOnlyList<string> problems)
    {
        Runlevel = runlevel;
        Services = services;
        Problems = problems;
    }

    /// <summary>The runlevel the system was expected to reach.</summary>
    public string Runlevel { get; }

    /// <summary>Every service of <see cref="Runlevel"/> (and the runlevels stacked on it) with its state.</summary>
    public IReadOnlyList<OpenRcService> Services { get; }

    /// <summary>One line per problem, each naming the service or quoting the stream line; empty when clean.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when there is no problem.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>Judges a boot from <c>rc-status</c>'s output and every stream the boot printed.</summary>
    public static BootVerdict Judge(string rcStatus, IEnumerable<BootStream> streams, string runlevel = "default")
    {
        var status = OpenRcStatus.Parse(rcStatus);
        var services = status.In(runlevel);
        List<string> problems = [];
        if (!status.Runlevels.Contains(runlevel))
        {
            var shown = status.Runlevels.Count == 0 ? "no runlevel" : "runlevel " + string.Join(", ", status.Runlevels);
            problems.Add($"rc-status shows {shown}, not {runlevel}");
        }
        problems.AddRange(services.Where(s => !s.IsStarted).Select(s => $"service {s.Name} is {s.State}, not started ({runlevel} runlevel)"));
        problems.AddRange(status.Services.Where(s => BadStates.Contains(s.State) && !services.Contains(s))
            .Select(s => $"service {s.Name} is {s.State} ({s.Section})"));
        foreach (var stream in streams)
        {
            problems.AddRange(stream.Text.Split('\n')
                .Select(line => OpenRcStatus.Escape().Replace(line, "").Trim('\r', ' '))
                .Where(line => BadMarks.Any(mark => line.Contains(mark, StringComparison.Ordinal)))
                .Select(line => $"{stream.Name}: {line}"));
        }
        return new BootVerdict(runlevel, services, problems);
    }

    /// <summary>The verdict, the services and the problems, for an assertion message or a test log.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"boot verdict: {(Passed ? "clean" : "FAILED")} ({Runlevel} runlevel)\n");
        foreach (var service in Services)
        {
            text.Append($"  {service.Name}: {service.State}\n");
        }
        foreach (var problem in Problems)
        {
            text.Append($"  problem: {problem}\n");
        }
        return text.ToString();
    }
}
