using System.CommandLine;
using Boxer.Core.Plugins;
using Boxer.Core.Testing;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer test REF [--timeout S] [--json]</c>: boot an image as its usage hint says, judge the default runlevel
/// and the stop (<see cref="ImageTestRunner"/>), print a table or one JSON document; exit 5 when it failed.
/// </summary>
internal static class TestCommand
{
    public static Command Create(PluginCatalog catalog, CliConsole console)
    {
        var reference = new Argument<string>("REF")
        {
            Description = "A docker/OCI archive from --out, a .sif, an engine image reference, or SCHEME:NAME for a plugin's runtime (e.g. lxd:ALIAS)",
        };
        var options = new TestOptions();
        var command = new Command("test", "Boot an image, check that every service of the default runlevel started and that it stops cleanly") { reference };
        options.All.ToList().ForEach(command.Add);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var (tester, subject) = ImageTesters.Choose(
                catalog.Targets.Select(t => t.Target), InputPaths.Check("test REF", parse.GetRequiredValue(reference)), Environment.CurrentDirectory);
            var report = await ImageTestRunner.RunAsync(tester, subject, settings, new HeadlessProgress(console), cancellationToken);
            return TestReportWriter.Write(report, parse.GetValue(options.Json), console.Out);
        });
        return command;
    }
}
