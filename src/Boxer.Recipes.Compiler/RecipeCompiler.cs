using System.Collections.Immutable;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;

namespace Boxer.Recipes.Compiler;

/// <summary>
/// Compiles recipes with Roslyn scripting into an assembly and a portable PDB. Created by
/// <see cref="RecipeCompilerLoader"/> through reflection only on a cache miss.
/// </summary>
public sealed class RecipeCompiler : IRecipeCompiler
{
    public CompiledRecipe Compile(RecipeSourceSet sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var script = CSharpScript.Create(sources.Main.Text, RecipeScriptOptions.For(sources), typeof(RecipeGlobals));
        var compilation = script.GetCompilation();
        using var dll = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(
            dll,
            pdb,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            cancellationToken: cancellationToken);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (!result.Success || errors.Length > 0)
        {
            throw ToException(errors);
        }
        return new CompiledRecipe(dll.ToArray(), pdb.ToArray());
    }

    private static RecipeException ToException(ImmutableArray<Diagnostic> errors)
    {
        var lines = errors.Select(Format).Distinct().ToList();
        var first = errors.FirstOrDefault()?.Location.GetMappedLineSpan();
        return first is { IsValid: true } span
            ? new RecipeException(string.Join('\n', lines), span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1)
            : new RecipeException(string.Join('\n', lines));
    }

    /// <summary><c>file.csx:line:col: error CSxxxx: message</c>, as compilers print it.</summary>
    private static string Format(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return $"error {d.Id}: {message}";
        }
        var start = span.StartLinePosition;
        return $"{RecipePaths.Display(span.Path)}:{start.Line + 1}:{start.Character + 1}: error {d.Id}: {message}";
    }
}
