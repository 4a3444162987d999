using System.CommandLine;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer recipe FILE --target T --stage S [--set k=v] [--plan [--json]] [target options]</c>: build (or plan)
/// one target with the given recipe. Target options are read after parsing, against the chosen target.
/// </summary>
internal static class RecipeCommand
{
    public static Command Create(PluginCatalog catalog, CliConsole console)
    {
        var file = new Argument<string>("recipe")
        {
            Description = "The recipe: a .csx path or a name from `boxer recipes` (C# run with boxer's rights: use only recipes you trust)",
        };
        var target = new Option<string>("--target") { Description = "The target to finalize for and build", Required = true, HelpName = "NAME" };
        var stage = new Option<string>("--stage") { Description = TargetVerbCommand.StageHelp, Required = true, HelpName = SourceCliOptions.StageValueName };
        var recipe = new RecipeOptions();
        var command = new Command(
            "recipe", "Run a recipe for one target: build with it, or --plan to see what it changes. The target's own options (e.g. --out FILE) follow as on its verb")
        {
            file, target, stage,
        };
        recipe.For(withRecipeOption: false).ToList().ForEach(command.Add);
        var sources = new SourceCliOptions();
        sources.All.ToList().ForEach(command.Add);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            var name = parse.GetRequiredValue(target);
            var loaded = catalog.Find(name)
                ?? throw new UsageException($"no target '{name}'; known: {string.Join(", ", catalog.Targets.Select(t => t.Name))}");
            var values = TargetValues(loaded.Target, parse.UnmatchedTokens);
            var choice = recipe.Read(parse, parse.GetRequiredValue(file));
            var stagePath = SourceCliOptions.CheckStage("--stage", parse.GetRequiredValue(stage));
            return RecipeBuild.RunAsync([new TargetRequest(loaded.Target, values)], [stagePath], choice, sources.Read(parse), console, cancellationToken);
        });
        return command;
    }

    /// <summary><c>--name value</c> (or a bare <c>--flag</c>) pairs, checked against the target's declared options.</summary>
    private static TargetOptionValues TargetValues(ITarget target, IReadOnlyList<string> tokens)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var declared = token.StartsWith("--", StringComparison.Ordinal)
                ? target.Options.FirstOrDefault(o => o.Name == token[2..])
                : null;
            if (declared is null)
            {
                throw new UsageException($"unexpected '{token}': {target.Name} takes {string.Join(", ", target.Options.Select(o => "--" + o.Name))}");
            }
            if (declared.Kind == TargetOptionKind.Bool)
            {
                values[declared.Name] = "true";
            }
            else if (i + 1 < tokens.Count)
            {
                values[declared.Name] = tokens[++i];
            }
            else
            {
                throw new UsageException($"--{declared.Name} needs a value");
            }
        }
        return new TargetOptionValues(values);
    }
}
