using System.CommandLine;

namespace Boxer.Host.Cli.Completion;

/// <summary>
/// <c>boxer completion bash</c>: prints a bash completion script for the command tree of this boxer (built-in
/// verbs and every loaded target's verb). dotnet-suggest needs .NET, which the self-contained build and
/// boxer's image lack, so the script is static: regenerate it after adding a plugin.
/// </summary>
internal static class CompletionCommand
{
    public const string Name = "completion";

    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "The shell to complete in (bash)" };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command(Name, "Print a shell completion script: source <(boxer completion bash)") { shell };
        command.SetAction(parse =>
        {
            console.Out.Write(BashCompletionScript.For(parse.RootCommandResult.Command));
            return ExitCode.Success;
        });
        return command;
    }
}
