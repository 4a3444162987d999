using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// A real build of the basic fixture, its events recorded as reported: every phase starts first and completes
/// last, with running-total progress that never goes back nor past its total (see <see cref="BuildEventOrder"/>),
/// and nothing comes after the build returned. <see cref="LatePosts"/> holds back what Progress&lt;T&gt; posts, so
/// a report posted to the thread pool instead of made at once always shows up out of order.
/// </summary>
public sealed class EventOrderSpecs
{
    [Fact]
    public async Task Writing_a_sif_reports_each_phase_in_order()
    {
        using var dir = new TempDir("boxer-sif-events-");
        var recorder = new EventRecorder();
        var request = new BuildRequest
        {
            StagePath = Fixtures.Basic("xz"),
            Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(new Dictionary<string, string> { ["out"] = dir.Combine("image.sif") }))],
            BoxerVersion = "1.0.0-test",
        };

        await LatePosts.RunAsync(() => BuildPipeline.RunAsync(request, recorder, CancellationToken.None));

        var events = recorder.Events;
        await Task.Delay(200);
        Assert.True(recorder.Events.Count == events.Count, $"reported after the build returned: {recorder.Events[^1]}");
        BuildEventOrder.AssertInOrder(events);
        Assert.Contains(events, e => e is PhaseProgress { Phase: "sif:write" });
    }
}
