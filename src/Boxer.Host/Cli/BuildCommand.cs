using System.CommandLine;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer build</c>: one stage3 import, several targets, each with its own options (so each may have its own
/// <c>--out</c>). A target that fails does not stop the others; the exit code (4) and <c>--json</c> say which failed.
/// </summary>
internal static class BuildCommand
{
    public const string Name = "build";

    private const string Usage =
        "Build several targets from one stage3 import: boxer build --stage FILE [--recipe R] [--set K=V] [--json] "
        + "--target NAME [its options] --target NAME [its options] ... Options before the first --target are the build's; "
        + "each target's options (as `boxer NAME --help` lists them) follow its --target. A target that fails leaves the others' outputs (exit 4)";

    public static Command Create(PluginCatalog catalog, CliConsole console)
    {
        // The groups are parsed by BuildArgumentParser: every token after `build` reaches it unmatched, in order.
        var command = new Command(Name, Usage) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.UnmatchedTokens, catalog, console, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(IReadOnlyList<string> tokens, PluginCatalog catalog, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = BuildArgumentParser.Parse(tokens, name => catalog.Targets.FirstOrDefault(t => t.Name == name)?.Target);
        var stages = arguments.Stages.Count > 0
            ? arguments.Stages.Select(s => SourceCliOptions.CheckStage("--stage", s)).ToList()
            : throw new UsageException("--stage is required");
        var choice = RecipeOptions.Choose(arguments.Recipe, "--recipe", arguments.Set, arguments.Plan, arguments.Json);
        // URLs and gentoo: names resolve with the environment's defaults (BOXER_GENTOO_MIRROR, the config file,
        // --verify auto): the group parser does not take the source options yet.
        return RecipeBuild.RunAsync(
            [.. arguments.Targets.Select(g => new TargetRequest(g.Target, g.Values))], stages, choice, Boxer.Core.Sources.SourceOptions.FromEnvironment(),
            console, cancellationToken, isolateFailures: true);
    }
}
