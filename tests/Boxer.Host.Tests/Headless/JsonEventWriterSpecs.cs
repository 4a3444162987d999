using Boxer.Abstractions;
using Boxer.Host.Cli;

namespace Boxer.Host.Tests.Headless;

/// <summary>The <c>--json</c> writer keeps the result last even when something reports after it.</summary>
public sealed class JsonEventWriterSpecs
{
    [Fact]
    public void An_event_reported_after_the_result_is_dropped_even_through_another_lookup_of_the_writer()
    {
        using var output = new StringWriter();
        var events = JsonEventWriter.For(output);

        events.Report(new PhaseStarted("sif:write", 10));
        JsonEventWriter.For(output).WriteResult(ExitCode.TargetFailure, "sif: failed", []);
        events.Report(new PhaseProgress("sif:write", 10, 10));
        events.WriteResult(ExitCode.Success, null, []);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"type\":\"result\"", lines[^1], StringComparison.Ordinal);
        Assert.Contains("\"exitCode\":4", lines[^1], StringComparison.Ordinal);
    }
}
