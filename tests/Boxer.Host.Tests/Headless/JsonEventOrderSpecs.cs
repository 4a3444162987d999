using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// <c>--json</c> of a real build of the basic fixture: the lines come in the order the events were reported,
/// so each phase starts first and completes last, and the result is the last line, nothing after it.
/// </summary>
public sealed class JsonEventOrderSpecs
{
    [Theory]
    [InlineData("sif", "image.sif", "sif:write")]
    [InlineData("docker", "image.tar", "docker:layer")]
    public async Task The_json_stream_keeps_each_phase_in_order_and_ends_with_the_result(string target, string file, string writePhase)
    {
        using var dir = new TempDir("boxer-json-order-");

        var run = await BoxerHost.RunAsync(target, "--stage", Fixtures.Basic("xz"), "--recipe", "none", "--out", dir.Combine(file), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = JsonEventLines.ReadEndingWithResult(run.StdOutLines);
        BuildEventOrder.AssertInOrder(events);
        Assert.Contains(events, e => e is Boxer.Abstractions.PhaseProgress p && p.Phase == writePhase);
    }
}
