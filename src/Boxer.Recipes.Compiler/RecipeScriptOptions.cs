using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Boxer.Recipes.Compiler;

/// <summary>
/// The script options every recipe compiles with. <c>ScriptOptions.Default</c> imports nothing, so the
/// namespaces documented on <see cref="RecipeGlobals"/> are added here; references are the framework
/// assemblies plus boxer's recipe API.
/// </summary>
internal static class RecipeScriptOptions
{
    public static readonly string[] Imports =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Text",
        "System.Text.RegularExpressions", "System.Threading.Tasks",
        "Boxer.Abstractions", "Boxer.Core.Recipes", "Boxer.Core.Recipes.Helpers",
    ];

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static ScriptOptions For(RecipeSourceSet sources)
    {
        var main = sources.Main.FullPath;
        return ScriptOptions.Default
            .WithReferences(References.Value)
            .WithImports(Imports)
            .WithFilePath(main)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithSourceResolver(new SourceFileResolver([], Path.GetDirectoryName(main)));
    }

    // The framework's reference set is the trusted platform assembly list, minus the host's own assemblies
    // (added explicitly so the recipe binds to exactly the copies the runner loads).
    private static MetadataReference[] LoadReferences()
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var framework = tpa.Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal)
            || f is "System.dll" or "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll"));
        string[] boxer = [typeof(RecipeGlobals).Assembly.Location, typeof(IRootFs).Assembly.Location];
        return [.. framework.Concat(boxer).Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }
}
