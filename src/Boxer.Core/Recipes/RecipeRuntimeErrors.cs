using System.Diagnostics;

namespace Boxer.Core.Recipes;

/// <summary>
/// Turns an exception thrown while a recipe ran into <c>file.csx:line: message</c>: the line is that of the
/// innermost stack frame inside a recipe source (the compiled recipe carries a portable PDB). The original
/// exception stays as the inner exception for <c>--verbose</c>.
/// </summary>
internal static class RecipeRuntimeErrors
{
    public static RecipeException Map(Exception exception, RecipeSourceSet sources)
    {
        if (exception is RecipeException { File: not null } located)
        {
            return located;
        }
        var frame = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() is { } file && sources.Sources.Any(s => SamePath(s.FullPath, file)));
        var message = exception is RecipeException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
        return frame is null
            ? new RecipeException($"{RecipePaths.Display(sources.Main.FullPath)}: {message}", sources.Main.FullPath, inner: exception)
            : RecipeException.At(frame.GetFileName()!, frame.GetFileLineNumber(), null, message, exception);
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
