using System.Reflection;
using Boxer.Abstractions;
using McMaster.NETCore.Plugins;

namespace Boxer.Core.Plugins;

/// <summary>Loads one plugin assembly into its own load context and creates its targets.</summary>
internal static class PluginAssemblyLoader
{
    /// <summary>
    /// Checks the plugin's contract version from its metadata, then loads it and creates every public,
    /// non-abstract <see cref="ITarget"/> with a public parameterless constructor.
    /// </summary>
    /// <param name="path">The plugin assembly.</param>
    /// <param name="warn">Receives one line per target that could not be created; the others are returned.</param>
    /// <exception cref="PluginLoadException">The plugin as a whole cannot be used.</exception>
    public static IReadOnlyList<LoadedTarget> Load(string path, Action<string> warn)
    {
        var metadata = ReadMetadata(path);
        var version = metadata.AssemblyVersion.ToString(3);
        var targets = new List<LoadedTarget>();
        foreach (var type in TargetTypes(LoadAssembly(path)))
        {
            try
            {
                var target = (ITarget)Activator.CreateInstance(type)!;
                targets.Add(new LoadedTarget(target, path, version));
            }
            catch (Exception e) when (e is TargetInvocationException or MemberAccessException or TypeLoadException or IOException)
            {
                var reason = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                warn($"target type {type.FullName} could not be created: {OneLine(reason.Message)}");
            }
        }
        return targets.Count > 0 ? targets : throw new PluginLoadException("no targets in it", isWarning: false);
    }

    private static PluginMetadata ReadMetadata(string path)
    {
        PluginMetadata metadata;
        try
        {
            metadata = PluginMetadata.Read(path);
        }
        catch (BadImageFormatException e)
        {
            throw new PluginLoadException($"not a loadable .NET assembly ({OneLine(e.Message)})");
        }
        var host = BoxerContract.MajorVersion;
        return metadata.ContractVersion switch
        {
            null => throw new PluginLoadException("no targets in it (it does not reference Boxer.Abstractions)", isWarning: false),
            { Major: var major } when major != host => throw new PluginLoadException(
                $"built for Boxer.Abstractions {metadata.ContractVersion.ToString(2)} but this boxer implements {host}.x; skipped"),
            _ => metadata,
        };
    }

    private static Assembly LoadAssembly(string path)
    {
        try
        {
            // Sharing ITarget's assembly gives host and plugin one contract type identity even when the plugin
            // ships its own copy; PreferSharedTypes stays false so a plugin keeps its own dependency versions.
            var loader = PluginLoader.CreateFromAssemblyFile(
                path, sharedTypes: [typeof(ITarget)], configure: config => config.PreferSharedTypes = false);
            return loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            throw new PluginLoadException($"could not be loaded: {OneLine(e.Message)}");
        }
    }

    private static IEnumerable<Type> TargetTypes(Assembly assembly)
    {
        Type[] exported;
        try
        {
            exported = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or IOException or TypeLoadException)
        {
            var reason = e is ReflectionTypeLoadException { LoaderExceptions: [{ } first, ..] } ? first! : e;
            throw new PluginLoadException($"could not be loaded (a dependency is missing or broken): {OneLine(reason.Message)}");
        }
        return exported
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITarget).IsAssignableFrom(t))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
