using Boxer.Abstractions;
using Boxer.Lxd.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Lxd.Tests;

/// <summary>
/// <c>boxer lxd --json</c> of the basic fixture, with the sample built from the packed packages: each phase
/// (metadata, rootfs or unified write, the import into the real LXD) starts first and completes last, its
/// progress a running total within its total, and the result is the last line.
/// </summary>
[Collection(LxdCollection.Name)]
public sealed class EventOrderSpecs(SamplePlugin plugin, LocalLxd lxd)
{
    private readonly string _alias = $"boxer-test-events-{Environment.ProcessId}";

    [Theory]
    [InlineData(false, "lxd:rootfs")]
    [InlineData(true, "lxd:unified")]
    public async Task Writing_and_importing_reports_each_phase_in_order(bool unified, string writePhase)
    {
        await lxd.EnsureRunningAsync();
        using var dir = new TempDir("boxer-lxd-events-");
        try
        {
            var result = await BoxerRun.RunAsync(plugin.PluginsRoot,
                ["lxd", "--stage", Fixtures.Basic(), "--out", dir.Path, "--import", "--alias", _alias, "--json", .. unified ? new[] { "--unified" } : []]);

            Assert.True(result.Succeeded, result.Stderr);
            var events = JsonEventLines.ReadEndingWithResult(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            BuildEventOrder.AssertInOrder(events);
            Assert.Contains(events, e => e is PhaseProgress p && p.Phase == writePhase);
            Assert.Contains(events, e => e is PhaseCompleted { Phase: "lxd:import" });
        }
        finally
        {
            await LocalLxd.Lxc("image", "delete", _alias);
        }
    }
}
