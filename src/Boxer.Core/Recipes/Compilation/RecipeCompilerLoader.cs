using System.Reflection;
using System.Runtime.Loader;

namespace Boxer.Core.Recipes.Compilation;

/// <summary>
/// Finds the Roslyn-backed compiler without a compile-time reference, so that a run served from the cache
/// never loads <c>Microsoft.CodeAnalysis</c>.
/// </summary>
public static class RecipeCompilerLoader
{
    public const string AssemblyName = "Boxer.Recipes.Compiler";
    public const string TypeName = "Boxer.Recipes.Compiler.RecipeCompiler";

    /// <summary>Loads the compiler into the load context that holds Boxer.Core.</summary>
    /// <exception cref="RecipeException">The compiler assembly is not installed beside boxer.</exception>
    public static IRecipeCompiler Load()
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(RecipeCompilerLoader).Assembly) ?? AssemblyLoadContext.Default;
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyName(new AssemblyName(AssemblyName));
        }
        catch (FileNotFoundException e)
        {
            throw new RecipeException($"cannot compile recipes: {AssemblyName}.dll is missing beside boxer", inner: e);
        }
        var type = assembly.GetType(TypeName, throwOnError: true)!;
        return (IRecipeCompiler)Activator.CreateInstance(type)!;
    }
}
