using System.CommandLine;
using Boxer.Abstractions;
using Boxer.Core.Plugins;

namespace Boxer.Host.Cli;

/// <summary><c>boxer targets</c>: every loaded target with its summary, plugin and options.</summary>
internal static class TargetsCommand
{
    public static Command Create(PluginCatalog catalog, CliConsole console)
    {
        var command = new Command("targets", "List the loaded targets, their plugins and their options");
        command.SetAction(_ =>
        {
            if (catalog.Targets.Count == 0)
            {
                console.Out.WriteLine($"no targets loaded (plugins are looked for in {string.Join(", ", PluginSearchPath.Default())})");
            }
            foreach (var loaded in catalog.Targets)
            {
                Print(loaded, console.Out);
            }
            return ExitCode.Success;
        });
        return command;
    }

    private static void Print(LoadedTarget loaded, TextWriter output)
    {
        output.WriteLine($"{loaded.Name}: {loaded.Target.Summary}");
        output.WriteLine($"  plugin: {loaded.PluginName} {loaded.PluginVersion} ({loaded.PluginPath})");
        output.WriteLine($"  --stage FILE  (path, required) {TargetVerbCommand.StageHelp}");
        foreach (var option in loaded.Target.Options)
        {
            output.WriteLine($"  {Usage(option)}  ({Facts(option)}) {option.Help}");
        }
    }

    private static string Usage(TargetOption option) => option.Kind == TargetOptionKind.Bool
        ? $"--{option.Name}"
        : $"--{option.Name} {TargetVerbCommand.ValueName(option)}";

    private static string Facts(TargetOption option)
    {
        var facts = new List<string> { option.Kind.ToString().ToLowerInvariant() };
        if (option.Required)
        {
            facts.Add("required");
        }
        if (option.Default is { } fallback)
        {
            facts.Add($"default: {fallback}");
        }
        return string.Join(", ", facts);
    }
}
