using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Host.Cli;

namespace Boxer.Host;

/// <summary>The entry point and the one place where exceptions become messages and exit codes.</summary>
internal static class Program
{
    /// <summary>How long a cancelled build may take to remove its partial outputs before boxer exits anyway.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    private static volatile bool s_exiting;

    private static async Task<int> Main(string[] args)
    {
        using var signals = new TerminationSignals();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ReportForeignExit();
        _ = signals.Signalled.ContinueWith(_ => ExitAfterGraceAsync(args), TaskScheduler.Default);
        int code = await RunAsync(args, signals.Token);
        Exit(code);
        return code;
    }

    private static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        try
        {
            return await BoxerCommandLine.RunAsync(args, cancellationToken);
        }
        catch (Exception e)
        {
            return await ReportAsync(e, args);
        }
    }

    private static async Task<int> ReportAsync(Exception e, string[] args)
    {
        var (code, message) = Describe(e);
        await Console.Error.WriteLineAsync($"boxer: {message}");
        if (GlobalOptions.IsJsonEvents(args))
        {
            JsonEventWriter.For(Console.Out).WriteResult(code, message, []);
        }
        // Detail helps with bugs and with wrapped causes; a plain "no such file" needs none.
        if (GlobalOptions.IsVerbose(args) && (code == ExitCode.InternalError || e.InnerException is not null))
        {
            await Console.Error.WriteLineAsync(e.ToString());
        }
        return code;
    }

    /// <summary>
    /// A cancelled build gets <see cref="CancelGrace"/> to remove its partial outputs; something that ignores
    /// cancellation (a plugin, a stuck write) does not keep boxer alive past it. Runs off the main thread,
    /// which may be the one stuck.
    /// </summary>
    private static async Task ExitAfterGraceAsync(string[] args)
    {
        await Task.Delay(CancelGrace);
        Exit(await ReportAsync(new BuildDidNotStopException(CancelGrace), args));
    }

    /// <summary>Exits now, whatever the build left running: a recipe's foreground thread would otherwise keep boxer alive.</summary>
    private static void Exit(int code)
    {
        s_exiting = true;
        Environment.Exit(code);
    }

    /// <summary>A recipe runs with boxer's rights and can call Environment.Exit; say so instead of ending silently.</summary>
    private static void ReportForeignExit()
    {
        if (!s_exiting)
        {
            Console.Error.WriteLine($"boxer: something in the build (a recipe?) ended boxer with exit code {Environment.ExitCode}; partial outputs may remain");
        }
    }

    /// <summary>The exit code and the one line the user sees for a failure (the wizard shows the same).</summary>
    internal static (int Code, string Message) Describe(Exception e) => e switch
    {
        BuildDidNotStopException => (ExitCode.Cancelled, OneLine(e.Message)),
        OperationCanceledException => (ExitCode.Cancelled, "cancelled"),
        UsageException => (ExitCode.Usage, $"{OneLine(e.Message)} (see --help)"),
        StageException => (ExitCode.BadInput, OneLine(e.Message)),
        Boxer.Core.Tree.SpoolFullException => (ExitCode.TargetFailure, OneLine(e.Message)),
        // One line per problem: a recipe with several compile errors lists each, compiler style.
        RecipeException => (ExitCode.BadInput, RecipeLines(e.Message)),
        TargetException t => (ExitCode.TargetFailure, $"{t.Target}: {OneLine(t.Message)}"),
        IOException or UnauthorizedAccessException => (ExitCode.TargetFailure, OneLine(e.Message)),
        _ => (ExitCode.InternalError,
            $"internal error: {e.GetType().Name}: {OneLine(e.Message)}; run with --verbose for details"),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>Compiler-style <c>file.csx:line:col: error ...</c> lines stay one per problem, as editors parse them.</summary>
    private static string RecipeLines(string text) => text.ReplaceLineEndings("\n").Trim();
}
