using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Abstractions.Testing;

namespace Boxer.Core.Testing;

/// <summary>
/// <c>boxer test</c>'s one path for every runtime: boot through the tester, wait for OpenRC's default runlevel
/// within the timeout, read rc-status, stop the runtime's way while watching which service is still stopping,
/// then judge it all with <see cref="BootVerdict"/> and the stop's outcome.
/// </summary>
public static class ImageTestRunner
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Tests <paramref name="subject"/> with <paramref name="tester"/>.</summary>
    /// <exception cref="TargetException">The runtime could not boot it at all.</exception>
    public static async Task<ImageTestReport> RunAsync(
        IImageTester tester, ImageTestSubject subject, ImageTestSettings settings, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var options = new ImageBootOptions { InstanceName = settings.InstanceName, StopGrace = settings.StopGrace, Progress = progress };
        var booted = await tester.BootAsync(subject, options, cancellationToken).ConfigureAwait(false);
        await using (booted.ConfigureAwait(false))
        {
            var clock = Stopwatch.StartNew();
            bool reached = await WaitForRunlevelAsync(booted, settings.Timeout, cancellationToken).ConfigureAwait(false);
            double bootSeconds = clock.Elapsed.TotalSeconds;
            var status = await booted.ExecAsync(OpenRcProbe.RcStatus, cancellationToken).ConfigureAwait(false);
            Log(progress, $"{(reached ? "reached" : "did not reach")} the default runlevel after {bootSeconds:0.0} s; stopping");
            clock.Restart();
            var stopping = booted.StopAsync(cancellationToken);
            var stuck = await WatchStoppingAsync(booted, stopping, cancellationToken).ConfigureAwait(false);
            var stop = await stopping.ConfigureAwait(false);
            double stopSeconds = clock.Elapsed.TotalSeconds;
            var streams = await booted.ReadOutputAsync(cancellationToken).ConfigureAwait(false);
            var problems = new List<string>();
            if (!reached)
            {
                problems.Add($"the default runlevel was not reached within {settings.Timeout.TotalSeconds:0} s");
            }
            var services = Judge(status, streams, problems);
            problems.AddRange(StopProblems(stop, stuck, stopSeconds));
            return new ImageTestReport
            {
                Reference = subject.Reference,
                Runtime = booted.Runtime,
                RunlevelReached = reached,
                BootSeconds = bootSeconds,
                Services = services,
                StopSeconds = stopSeconds,
                Stop = stop,
                Problems = problems,
            };
        }
    }

    private static async Task<bool> WaitForRunlevelAsync(IBootedImage booted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if ((await booted.ExecAsync(OpenRcProbe.DefaultRunlevelReachedCommand, cancellationToken).ConfigureAwait(false)).ExitCode == 0)
            {
                return true;
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
        return false;
    }

    /// <summary>
    /// Polls the services whose stop is under way until the stop ends; the last list seen names the service a
    /// hanging stop is waiting for when the runtime gives up and kills.
    /// </summary>
    private static async Task<IReadOnlyList<string>> WatchStoppingAsync(IBootedImage booted, Task stopping, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> last = [];
        while (!stopping.IsCompleted)
        {
            var seen = await booted.ExecAsync(OpenRcProbe.StoppingServices, cancellationToken).ConfigureAwait(false);
            var names = seen.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (seen.ExitCode == 0 && names.Length > 0)
            {
                last = names;
            }
            await Task.WhenAny(stopping, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
        }
        return last;
    }

    private static IReadOnlyList<OpenRcService> Judge(BootExecResult status, IReadOnlyList<BootStream> streams, List<string> problems)
    {
        try
        {
            var verdict = BootVerdict.Judge(status.Stdout, [.. streams, new BootStream("rc-status stderr", status.Stderr)]);
            problems.AddRange(verdict.Problems);
            return verdict.Services;
        }
        catch (FormatException e)
        {
            problems.Add($"rc-status (exit {status.ExitCode}) printed no status: {e.Message}");
            return [];
        }
    }

    private static IEnumerable<string> StopProblems(BootStopResult stop, IReadOnlyList<string> stuck, double seconds)
    {
        if (stop.Killed)
        {
            yield return stuck.Count > 0
                ? $"service {string.Join(", ", stuck)} did not stop: the runtime killed the system after {seconds:0.0} s"
                : $"the stop did not end by itself: the runtime killed the system after {seconds:0.0} s";
        }
        else if (stop.Problem is { } problem)
        {
            yield return problem;
        }
    }

    private static void Log(IProgress<BuildEvent> progress, string message) =>
        progress.Report(new LogMessage(BuildLogLevel.Info, message, "test"));
}
