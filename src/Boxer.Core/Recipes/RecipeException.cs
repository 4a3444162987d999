namespace Boxer.Core.Recipes;

/// <summary>
/// A recipe could not be found, compiled or run. The message is what the user sees: one line per problem,
/// starting with <c>file.csx:line:col:</c> when the place is known, never a .NET stack trace.
/// </summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string message, string? file = null, int? line = null, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The recipe file at fault (full path), when known.</summary>
    public string? File { get; }

    /// <summary>The 1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column in <see cref="File"/>, when known.</summary>
    public int? Column { get; }

    /// <summary>Builds the exception with its message prefixed by <c>file:line:</c> (and <c>col:</c> when given).</summary>
    public static RecipeException At(string file, int line, int? column, string message, Exception? inner = null)
    {
        var where = column is { } c ? $"{RecipePaths.Display(file)}:{line}:{c}" : $"{RecipePaths.Display(file)}:{line}";
        return new RecipeException($"{where}: {message}", file, line, column, inner);
    }
}
