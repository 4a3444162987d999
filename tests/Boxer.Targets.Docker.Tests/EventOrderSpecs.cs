using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// A real build of the basic fixture, its events recorded as reported: every phase starts first and completes
/// last, with running-total progress that never goes back nor past its total (see <see cref="BuildEventOrder"/>),
/// and nothing comes after the build returned. <see cref="LatePosts"/> holds back what Progress&lt;T&gt; posts, so
/// a report posted to the thread pool instead of made at once always shows up out of order.
/// </summary>
public sealed class EventOrderSpecs : IDisposable
{
    private readonly List<string> _images = [];

    [Fact]
    public async Task Writing_an_archive_reports_each_phase_in_order()
    {
        using var dir = new TempDir("boxer-docker-events-");

        var events = await BuildAsync((DockerTarget.OutOption, dir.Combine("image.tar")));

        BuildEventOrder.AssertInOrder(events);
        Assert.Contains(events, e => e is PhaseProgress { Phase: "docker:layer" });
    }

    [Fact]
    public async Task Loading_into_the_engine_reports_each_phase_in_order()
    {
        string tag = DockerCli.UniqueTag();
        _images.Add(tag);

        var events = await BuildAsync((DockerTarget.TagOption, tag));

        BuildEventOrder.AssertInOrder(events);
        Assert.Contains(events, e => e is PhaseProgress { Phase: "docker:load" });
    }

    public void Dispose() => DockerCli.Remove([.. _images]);

    private static async Task<IReadOnlyList<BuildEvent>> BuildAsync(params (string Key, string Value)[] options)
    {
        var recorder = new EventRecorder();
        await LatePosts.RunAsync(() => BuildPipeline.RunAsync(
            new BuildRequest
            {
                StagePath = Fixtures.Basic("xz"),
                Targets = [new TargetRequest(new DockerTarget(), new TargetOptionValues(options.ToDictionary(o => o.Key, o => o.Value)))],
                BoxerVersion = "1.0.0-test",
            },
            recorder,
            CancellationToken.None));
        var events = recorder.Events;
        await Task.Delay(200);
        Assert.True(recorder.Events.Count == events.Count, $"reported after the build returned: {recorder.Events[^1]}");
        return events;
    }
}
