using System.CommandLine;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;

namespace Boxer.Host.Cli;

/// <summary>
/// A verb generated from a loaded target (<c>boxer docker</c>, <c>boxer sif</c>): <c>--stage</c> plus one
/// option per declared <see cref="TargetOption"/>. It only builds a <see cref="BuildRequest"/> and runs the pipeline.
/// </summary>
internal static class TargetVerbCommand
{
    public const string StageHelp = SourceCliOptions.StageHelp;

    /// <summary>A verb's --stage: repeatable, one stage3 per platform (a multi-architecture build).</summary>
    public const string StagesHelp = StageHelp + "; repeat it for several architectures (one stage3 per platform)";

    /// <summary>Names the host uses on every target verb (now or in coming verbs); a target may not declare them.</summary>
    private static readonly string[] ReservedOptions = ["stage", "verbose", "quiet", "help", "version", "recipe", "plan", "json", "set", "target", "sbom", "test", .. SourceCliOptions.Names];

    /// <summary>The verb, or null (with a warning) when the target declares a reserved option name.</summary>
    public static Command? Create(LoadedTarget loaded, CliConsole console)
    {
        var target = loaded.Target;
        if (target.Options.FirstOrDefault(o => ReservedOptions.Contains(o.Name, StringComparer.Ordinal)) is { } clash)
        {
            console.Warn([$"plugin {loaded.PluginName} ({loaded.PluginPath}): target '{target.Name}' declares the reserved option --{clash.Name}; skipped"]);
            return null;
        }
        var stage = new Option<string[]>("--stage") { Description = StagesHelp, Required = true, HelpName = SourceCliOptions.StageValueName, Arity = ArgumentArity.OneOrMore };
        var command = new Command(target.Name, target.Summary) { stage };
        var options = target.Options.Select(o => (Declared: o, Symbol: CreateOption(o))).ToList();
        options.ForEach(o => command.Add(o.Symbol));
        var recipe = new RecipeOptions();
        recipe.For(withRecipeOption: true).ToList().ForEach(command.Add);
        var sources = new SourceCliOptions();
        sources.All.ToList().ForEach(command.Add);
        command.SetAction((parse, cancellationToken) => RecipeBuild.RunAsync(
            [new TargetRequest(target, GivenValues(parse, options))], [.. parse.GetRequiredValue(stage).Select(s => SourceCliOptions.CheckStage("--stage", s))], recipe.Read(parse),
            sources.Read(parse), console, cancellationToken));
        return command;
    }

    /// <summary>The placeholder shown for an option's value in help.</summary>
    public static string ValueName(TargetOption option) => option.ValueName ?? option.Kind switch
    {
        TargetOptionKind.Choice => string.Join('|', option.Choices),
        TargetOptionKind.Path => "PATH",
        TargetOptionKind.Integer => "N",
        _ => "TEXT",
    };

    private static Option CreateOption(TargetOption declared)
    {
        var help = declared.Required ? $"{declared.Help} (required)" : declared.Help;
        if (declared.Kind == TargetOptionKind.Bool)
        {
            return new Option<bool>($"--{declared.Name}") { Description = help };
        }
        var option = new Option<string>($"--{declared.Name}")
        {
            Description = declared.Default is { } fallback ? $"{help} [default: {fallback}]" : help,
            HelpName = ValueName(declared),
        };
        if (declared.Kind == TargetOptionKind.Choice)
        {
            option.AcceptOnlyFromAmong([.. declared.Choices]);
        }
        return option;
    }

    /// <summary>The values the user typed; defaults are left to the pipeline so every face applies them alike.</summary>
    private static TargetOptionValues GivenValues(ParseResult parse, IEnumerable<(TargetOption Declared, Option Symbol)> options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (declared, symbol) in options)
        {
            if (parse.GetResult(symbol) is not { Implicit: false })
            {
                continue;
            }
            values[declared.Name] = symbol is Option<bool> flag
                ? (parse.GetValue(flag) ? "true" : "false")
                : parse.GetValue((Option<string>)symbol) ?? "";
        }
        return new TargetOptionValues(values);
    }
}
