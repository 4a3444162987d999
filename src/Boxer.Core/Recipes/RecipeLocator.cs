namespace Boxer.Core.Recipes;

/// <summary>
/// Finds recipes: a path as given first, then by name in <c>recipes/</c> beside the executable (see
/// <see cref="AppDirectories"/>), then in
/// <c>$XDG_CONFIG_HOME/boxer/recipes</c> (else <c>~/.config/boxer/recipes</c>). <c>none</c> means no recipe.
/// </summary>
public sealed class RecipeLocator(IReadOnlyList<string>? searchDirectories = null)
{
    public const string None = "none";

    /// <summary>What target verbs apply when no recipe is named.</summary>
    public const string DefaultRecipe = "openrc-server";

    public IReadOnlyList<string> SearchDirectories { get; } = searchDirectories ?? DefaultSearchDirectories();

    public static IReadOnlyList<string> DefaultSearchDirectories()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var config = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
            : xdg;
        return [.. AppDirectories.Default().Select(d => Path.Combine(d, "recipes")), Path.Combine(config, "boxer", "recipes")];
    }

    /// <summary>The full path of the recipe <paramref name="nameOrPath"/> names; null for <c>none</c>.</summary>
    /// <exception cref="RecipeException">Nothing of that name exists; the message says where boxer looked.</exception>
    public string? Locate(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (string.Equals(nameOrPath, None, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }
        var bare = !nameOrPath.Contains('/', StringComparison.Ordinal);
        var candidates = bare
            ? SearchDirectories.SelectMany(d => new[] { Path.Combine(d, nameOrPath), Path.Combine(d, nameOrPath + ".csx") })
            : [];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new RecipeException(bare
                ? $"recipe not found: {nameOrPath} (looked in ./, {string.Join(", ", SearchDirectories)}; see `boxer recipes`)"
                : $"recipe not found: {nameOrPath}");
    }

    /// <summary>The recipes in the search directories (not their <c>lib/</c>), a name found twice listed once (the first).</summary>
    public IReadOnlyList<RecipeListing> List() =>
    [
        .. SearchDirectories.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csx").Order(StringComparer.Ordinal))
            .Select(p => new RecipeListing(Path.GetFileNameWithoutExtension(p), p, Describe(p)))
            .DistinctBy(r => r.Name, StringComparer.Ordinal),
    ];

    /// <summary>The text of the first <c>//</c> comment line of a recipe, or empty.</summary>
    public static string Describe(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("//", StringComparison.Ordinal)) is { } line
            ? line.TrimStart('/').Trim()
            : "";
}
