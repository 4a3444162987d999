using System.CommandLine;
using Boxer.Core.Plugins;
using Boxer.Host.Cli;

namespace Boxer.Host.Tui;

/// <summary><c>boxer tui</c> (and plain <c>boxer</c> on an interactive terminal): the build wizard.</summary>
internal static class TuiCommand
{
    public static Command Create(PluginCatalog catalog, CliConsole console)
    {
        var command = new Command("tui", "Open the build wizard (needs a terminal; plain `boxer` on a terminal does the same)");
        command.SetAction(_ => Run(catalog, console));
        return command;
    }

    /// <summary>Runs the wizard, or refuses with <see cref="ExitCode.Usage"/> when there is no terminal.</summary>
    public static int Run(PluginCatalog catalog, CliConsole console)
    {
        if (TerminalCheck.Problem(console) is { } problem)
        {
            console.Error.WriteLine($"boxer: {problem}");
            return ExitCode.Usage;
        }
        return WizardApp.Run(new WizardSettings
        {
            Catalog = catalog,
            SourceDateEpoch = SourceDateEpochVariable.Read(),
            BoxerVersion = HostVersion.Current,
        });
    }
}
