using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Core.Pipeline;
using Boxer.Core.Testing;

namespace Boxer.Host.Cli;

/// <summary>
/// A build verb's <c>--test</c>: each target that can boot what it made (<see cref="IImageTester"/>) tests one of
/// its artifacts, an image already in its runtime before a file that would need loading.
/// </summary>
internal static class BuildTests
{
    public static async Task<int> RunAsync(
        IReadOnlyList<TargetRequest> targets, IReadOnlyList<Artifact> artifacts, IProgress<BuildEvent> progress, CliConsole console, CancellationToken cancellationToken)
    {
        int code = ExitCode.Success;
        foreach (var target in targets.Select(t => t.Target))
        {
            if (Pick(target, artifacts) is not { } pick)
            {
                progress.Report(new LogMessage(BuildLogLevel.Warning, $"--test: nothing {target.Name} made can be booted by it", "test"));
                continue;
            }
            var report = await ImageTestRunner.RunAsync(pick.Tester, pick.Subject, new ImageTestSettings(ImageTestSettings.DefaultTimeout, ImageTestSettings.NewInstanceName()), progress, cancellationToken);
            if (progress is JsonEventWriter json)
            {
                json.WriteTest(report);
            }
            else
            {
                TestReportWriter.WriteTable(report, console.Out);
            }
            code = report.Passed ? code : ExitCode.ImageCheckFailed;
        }
        return code;
    }

    private static (IImageTester Tester, ImageTestSubject Subject)? Pick(ITarget target, IReadOnlyList<Artifact> artifacts)
    {
        if (target is not IImageTester tester)
        {
            return null;
        }
        var candidates = artifacts.Where(a => a.Target == target.Name)
            .OrderBy(a => a.Kind switch { ArtifactKind.EngineImage => 0, ArtifactKind.File => 1, _ => 2 })
            .Select(a => new ImageTestSubject(a.Location, a.Kind == ArtifactKind.File));
        return candidates.FirstOrDefault(tester.CanTest) is { } subject ? (tester, subject) : null;
    }
}
