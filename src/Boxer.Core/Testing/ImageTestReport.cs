namespace Boxer.Core.Testing;

/// <summary>What <c>boxer test</c> found: the boot, the services of the runlevel, the stop, and every problem.</summary>
public sealed record ImageTestReport
{
    /// <summary>The reference as the user gave it.</summary>
    public required string Reference { get; init; }

    /// <summary>How it was booted (the runtime and its command line), as the tester said.</summary>
    public required string Runtime { get; init; }

    /// <summary>The runlevel waited for.</summary>
    public string Runlevel { get; init; } = "default";

    /// <summary>True when the runlevel change was over within the timeout.</summary>
    public required bool RunlevelReached { get; init; }

    /// <summary>Seconds from the start until the runlevel change was over (or the timeout).</summary>
    public required double BootSeconds { get; init; }

    /// <summary>Every service of the runlevel (and the runlevels stacked on it) with its state.</summary>
    public required IReadOnlyList<OpenRcService> Services { get; init; }

    /// <summary>Seconds the stop took.</summary>
    public required double StopSeconds { get; init; }

    /// <summary>How the stop ended.</summary>
    public required Boxer.Abstractions.Testing.BootStopResult Stop { get; init; }

    /// <summary>One line per problem, each naming the service or quoting the line; empty when the image passed.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>True when there is no problem.</summary>
    public bool Passed => Problems.Count == 0;
}
