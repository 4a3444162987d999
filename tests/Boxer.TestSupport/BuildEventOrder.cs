using Boxer.Abstractions;
using Xunit;

namespace Boxer.TestSupport;

/// <summary>
/// The order the contract promises for a build's events (see <see cref="BuildEvent"/>): each phase starts once
/// and first, its progress is a running total that never goes back nor past the total, and its completion is
/// its last event. Checked on events collected synchronously, i.e. in the order they were reported.
/// </summary>
public static class BuildEventOrder
{
    /// <summary>Fails with every broken rule, each naming the event's index, when the events are out of order.</summary>
    /// <param name="events">A whole successful build's events, as reported.</param>
    public static void AssertInOrder(IReadOnlyList<BuildEvent> events)
    {
        var problems = Problems(events);
        Assert.True(problems.Count == 0, "build events out of order:\n" + string.Join('\n', problems));
    }

    /// <summary>What is wrong with the order of <paramref name="events"/>; empty when nothing is.</summary>
    public static List<string> Problems(IReadOnlyList<BuildEvent> events)
    {
        var problems = new List<string>();
        var phases = new Dictionary<string, PhaseState>(StringComparer.Ordinal);
        for (int i = 0; i < events.Count; i++)
        {
            switch (events[i])
            {
                case PhaseStarted started when phases.ContainsKey(started.Phase):
                    problems.Add($"#{i} {started.Phase}: started twice");
                    break;
                case PhaseStarted started:
                    phases[started.Phase] = new PhaseState(started.TotalBytes);
                    break;
                case PhaseProgress step:
                    CheckProgress(i, step, phases, problems);
                    break;
                case PhaseCompleted done when !phases.ContainsKey(done.Phase):
                    problems.Add($"#{i} {done.Phase}: completed before it started");
                    break;
                case PhaseCompleted done when phases[done.Phase].Completed:
                    problems.Add($"#{i} {done.Phase}: completed twice");
                    break;
                case PhaseCompleted done:
                    CheckCompletion(i, done, phases[done.Phase], problems);
                    break;
            }
        }
        problems.AddRange(phases.Where(p => !p.Value.Completed).Select(p => $"{p.Key}: started but never completed"));
        return problems;
    }

    private static void CheckProgress(int i, PhaseProgress step, Dictionary<string, PhaseState> phases, List<string> problems)
    {
        if (!phases.TryGetValue(step.Phase, out var state))
        {
            problems.Add($"#{i} {step.Phase}: progress {step.DoneBytes} before the phase started");
            return;
        }
        if (state.Completed)
        {
            problems.Add($"#{i} {step.Phase}: progress {step.DoneBytes} after the phase completed");
        }
        if (step.DoneBytes < state.Done)
        {
            problems.Add($"#{i} {step.Phase}: progress went back from {state.Done} to {step.DoneBytes} (a delta, not a running total?)");
        }
        if ((step.TotalBytes ?? state.Total) is { } total && step.DoneBytes > total)
        {
            problems.Add($"#{i} {step.Phase}: progress {step.DoneBytes} past the total {total}");
        }
        if (step.TotalBytes != state.Total)
        {
            problems.Add($"#{i} {step.Phase}: progress total {step.TotalBytes} differs from the started total {state.Total}");
        }
        state.Done = Math.Max(state.Done, step.DoneBytes);
        state.Reported = true;
    }

    private static void CheckCompletion(int i, PhaseCompleted done, PhaseState state, List<string> problems)
    {
        state.Completed = true;
        // A phase that reported progress against a known total ends there: anything else is a lost report.
        if (state.Reported && state.Total is { } total && state.Done != total)
        {
            problems.Add($"#{i} {done.Phase}: completed at {state.Done} of {total} bytes");
        }
    }

    private sealed class PhaseState(long? total)
    {
        public long? Total { get; } = total;

        public long Done { get; set; }

        public bool Reported { get; set; }

        public bool Completed { get; set; }
    }
}
