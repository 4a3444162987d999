namespace Boxer.Core.Recipes.Compilation;

/// <summary>
/// Turns recipe sources into an assembly. Implemented in <c>Boxer.Recipes.Compiler</c> (the only assembly that
/// references Roslyn) and loaded by name on a cache miss, see <see cref="RecipeCompilerLoader"/>.
/// </summary>
public interface IRecipeCompiler
{
    /// <summary>
    /// Compiles the set against <see cref="RecipeGlobals"/>. The assembly holds the script class with its static
    /// <c>&lt;Factory&gt;(object[])</c> method, as the C# scripting compiler emits it.
    /// </summary>
    /// <exception cref="RecipeException">The sources do not compile; one <c>file:line:col: error CSxxxx: …</c> line per error.</exception>
    CompiledRecipe Compile(RecipeSourceSet sources, CancellationToken cancellationToken);
}
