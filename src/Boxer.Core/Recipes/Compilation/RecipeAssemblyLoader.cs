using System.Reflection;
using System.Runtime.Loader;

namespace Boxer.Core.Recipes.Compilation;

/// <summary>
/// Loads a compiled recipe into its own collectible load context (so statics never leak between runs) and
/// finds the script's <c>&lt;Factory&gt;</c> entry point. Boxer's own assemblies resolve from the context
/// that holds Boxer.Core, so the recipe sees the very same <see cref="RecipeGlobals"/> type.
/// </summary>
internal sealed class RecipeAssemblyLoader : AssemblyLoadContext
{
    private const string FactoryMethod = "<Factory>";

    private readonly AssemblyLoadContext _host =
        GetLoadContext(typeof(RecipeGlobals).Assembly) ?? Default;

    private RecipeAssemblyLoader(string name)
        : base($"recipe:{name}", isCollectible: true)
    {
    }

    /// <summary>Loads <paramref name="compiled"/> and returns its entry point and the context to unload afterwards.</summary>
    public static (Func<object?[], Task<object>> Entry, AssemblyLoadContext Context) Load(CompiledRecipe compiled, string name)
    {
        var context = new RecipeAssemblyLoader(name);
        using var dll = new MemoryStream(compiled.Assembly, writable: false);
        using var pdb = new MemoryStream(compiled.Pdb, writable: false);
        var assembly = context.LoadFromStream(dll, pdb);
        var factory = assembly.GetTypes()
            .Select(t => t.GetMethod(FactoryMethod, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .FirstOrDefault(m => m is not null)
            ?? throw new RecipeException($"{name}: the compiled recipe has no {FactoryMethod} entry point (stale cache entry?)");
        return (factory.CreateDelegate<Func<object?[], Task<object>>>(), context);
    }

    protected override Assembly? Load(AssemblyName assemblyName) => _host.LoadFromAssemblyName(assemblyName);
}
