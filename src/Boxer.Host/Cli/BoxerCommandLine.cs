using System.CommandLine;
using System.CommandLine.Help;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;

namespace Boxer.Host.Cli;

/// <summary>Builds the <c>boxer</c> command tree (built-in verbs plus one verb per loaded target) and runs it.</summary>
internal static class BoxerCommandLine
{
    /// <summary>Verbs boxer has or will have itself; a target may not take one of these names.</summary>
    private static readonly string[] BuiltInVerbs = ["targets", "inspect", "recipe", "recipes", "tui", "overlay", "verify", "test", BuildCommand.Name, ManifestCommand.Name, Completion.CompletionCommand.Name, "fetch"];

    /// <summary>Parses and runs; a parse error becomes a <see cref="UsageException"/> for Program to report.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var console = new CliConsole(GlobalOptions.IsVerbose(args), GlobalOptions.IsQuiet(args));
        var catalog = NeedsTargets(args) ? PluginCatalog.LoadDefault() : PluginCatalog.Empty;
        console.Warn(catalog.Warnings);
        console.Note(catalog.Notes);
        var root = Build(catalog, console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            throw new UsageException(string.Join("; ", parse.Errors.Select(e => Squeeze(e.Message))));
        }
        // Signals are Program's (TerminationSignals): they cancel this token, and targets remove their partial outputs.
        var invocation = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static RootCommand Build(PluginCatalog catalog, CliConsole console)
    {
        var root = new RootCommand("boxer turns a stage3 root-filesystem tarball into container images (Docker/OCI, SIF, ...)")
        {
            GlobalOptions.Verbose,
            GlobalOptions.Quiet,
            TargetsCommand.Create(catalog, console),
            InspectCommand.Create(console),
            VerifyCommand.Create(console),
            RecipeCommand.Create(catalog, console),
            RecipesCommand.Create(console),
            OverlayCommand.Create(console),
            FetchCommand.Create(console),
            Tui.TuiCommand.Create(catalog, console),
            TestCommand.Create(catalog, console),
            BuildCommand.Create(catalog, console),
            ManifestCommand.Create(catalog, console),
            Completion.CompletionCommand.Create(console),
        };
        // A bare `boxer` on an interactive terminal opens the wizard; elsewhere it shows the help, and is
        // still a usage error, as a script calling it wanted something.
        root.SetAction(parse =>
        {
            if (Tui.TerminalCheck.IsInteractive(console))
            {
                return Tui.TuiCommand.Run(catalog, console);
            }
            new HelpAction().Invoke(parse);
            return ExitCode.Usage;
        });
        foreach (var loaded in catalog.Targets)
        {
            if (BuiltInVerbs.Contains(loaded.Name, StringComparer.Ordinal))
            {
                console.Warn([$"plugin {loaded.PluginName} ({loaded.PluginPath}): target name '{loaded.Name}' is a boxer verb; skipped"]);
                continue;
            }
            if (TargetVerbCommand.Create(loaded, console) is { } verb)
            {
                root.Add(verb);
            }
        }
        return root;
    }

    /// <summary>System.CommandLine lays some messages out with tabs and newlines; ours are one plain line.</summary>
    private static string Squeeze(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    /// <summary>Only <c>inspect</c>, <c>recipes</c>, <c>overlay</c>, <c>verify</c> and <c>fetch</c> can run without the plugins, so they skip loading them.</summary>
    private static bool NeedsTargets(string[] args) =>
        args.FirstOrDefault(a => !a.StartsWith('-')) is not ("inspect" or "recipes" or "overlay" or "verify" or "fetch");
}
