using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Host.Cli;

namespace Boxer.Host;

/// <summary>The entry point and the one place where exceptions become messages and exit codes.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var verbose = GlobalOptions.IsVerbose(args);
        try
        {
            return await BoxerCommandLine.RunAsync(args);
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            await Console.Error.WriteLineAsync($"boxer: {message}");
            if (GlobalOptions.IsJsonEvents(args))
            {
                new JsonEventWriter(Console.Out).WriteResult(code, message, []);
            }
            // Detail helps with bugs and with wrapped causes; a plain "no such file" needs none.
            if (verbose && (code == ExitCode.InternalError || e.InnerException is not null))
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }
            return code;
        }
    }

    /// <summary>The exit code and the one line the user sees for a failure (the wizard shows the same).</summary>
    internal static (int Code, string Message) Describe(Exception e) => e switch
    {
        OperationCanceledException => (ExitCode.Cancelled, "cancelled"),
        UsageException => (ExitCode.Usage, $"{OneLine(e.Message)} (see --help)"),
        StageException => (ExitCode.BadInput, OneLine(e.Message)),
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
