using Boxer.Abstractions;
using Boxer.Formats.Events;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Events;

/// <summary>The one throttled-progress helper: a phase's events in the contract's order, at a bounded rate.</summary>
public sealed class PhaseReporterSpecs
{
    [Fact]
    public void A_phase_starts_reports_running_totals_at_most_four_times_a_second_and_completes_at_its_last_total()
    {
        var recorder = new EventRecorder();

        var phase = PhaseReporter.Start(recorder, "test:write", 3000);
        for (long done = 1; done <= 2999; done++)
        {
            phase.Report(done);
        }
        phase.Complete();

        var events = recorder.Events;
        Assert.Equal(new PhaseStarted("test:write", 3000) { Time = events[0].Time }, events[0]);
        Assert.IsType<PhaseCompleted>(events[^1]);
        var progress = events.OfType<PhaseProgress>().ToList();
        Assert.InRange(progress.Count, 2, 4);
        Assert.Equal(1, progress[0].DoneBytes);
        Assert.Equal(2999, progress[^1].DoneBytes);
        Assert.Same(progress[^1], events[^2]);
    }

    [Fact]
    public void Reaching_the_total_is_reported_at_once()
    {
        var recorder = new EventRecorder();
        var phase = PhaseReporter.Start(recorder, "test:write", 10);

        phase.Report(4);
        phase.Report(10);

        Assert.Equal([4L, 10L], recorder.Events.OfType<PhaseProgress>().Select(p => p.DoneBytes));
    }

    [Fact]
    public void What_is_reported_after_completion_is_dropped()
    {
        var recorder = new EventRecorder();
        var phase = PhaseReporter.Start(recorder, "test:write", 10);
        phase.Complete();

        phase.Report(10);
        phase.Complete();

        Assert.Equal([typeof(PhaseStarted), typeof(PhaseCompleted)], recorder.Events.Select(e => e.GetType()));
    }
}
