using System.Security.Cryptography;
using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Recipes.Compilation;

namespace Boxer.Core.Recipes;

/// <summary>
/// Compiled recipes on disk, one <c>KEY.dll</c> + <c>KEY.pdb</c> pair per entry. The key covers the build of the
/// recipe API (module version IDs of Boxer.Core and Boxer.Abstractions) and every source file, so a rebuilt
/// boxer or any edited <c>#load</c>ed file misses. Entries are written to a temporary name and renamed.
/// </summary>
public sealed class RecipeCache(string directory)
{
    public string Directory { get; } = directory;

    /// <summary><c>$XDG_CACHE_HOME/boxer/recipes</c>, else <c>~/.cache/boxer/recipes</c>.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "boxer", "recipes");
        }
    }

    /// <summary>The cache key of a source set for this build of boxer, lowercase hex.</summary>
    public static string KeyOf(RecipeSourceSet sources)
    {
        var host = $"{typeof(RecipeGlobals).Assembly.ManifestModule.ModuleVersionId}/{typeof(IRootFs).Assembly.ManifestModule.ModuleVersionId}";
        var bytes = Encoding.UTF8.GetBytes($"{host}\0{sources.Fingerprint}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The entry for <paramref name="key"/>, or null on a miss (or an unreadable entry).</summary>
    public CompiledRecipe? TryGet(string key)
    {
        var (dll, pdb) = PathsOf(key);
        try
        {
            return File.Exists(dll) && File.Exists(pdb) ? new CompiledRecipe(File.ReadAllBytes(dll), File.ReadAllBytes(pdb)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry; a cache that cannot be written only costs speed, so failures are returned, not thrown.</summary>
    /// <returns>Null on success, else why the entry was not stored.</returns>
    public string? TryPut(string key, CompiledRecipe compiled)
    {
        var (dll, pdb) = PathsOf(key);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            WriteAtomically(pdb, compiled.Pdb);
            WriteAtomically(dll, compiled.Assembly);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"recipe cache {Directory} not writable: {e.Message}";
        }
    }

    /// <summary>Deletes the entry for <paramref name="key"/>, if any.</summary>
    public void Remove(string key)
    {
        var (dll, pdb) = PathsOf(key);
        try
        {
            File.Delete(dll);
            File.Delete(pdb);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next successful compile overwrites it anyway.
        }
    }

    private (string Dll, string Pdb) PathsOf(string key) =>
        (Path.Combine(Directory, key + ".dll"), Path.Combine(Directory, key + ".pdb"));

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
