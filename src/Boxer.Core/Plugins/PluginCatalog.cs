namespace Boxer.Core.Plugins;

/// <summary>
/// The targets found in the plugin directories. A plugin that cannot be used (not an assembly, built for
/// another contract major version, a missing dependency, a constructor that throws, a target name already
/// taken) adds one warning line and is skipped; the others still load.
/// </summary>
public sealed class PluginCatalog
{
    private PluginCatalog(IReadOnlyList<LoadedTarget> targets, IReadOnlyList<string> warnings, IReadOnlyList<string> notes)
    {
        Targets = targets;
        Warnings = warnings;
        Notes = notes;
    }

    /// <summary>An empty catalog, for commands that need no targets.</summary>
    public static PluginCatalog Empty { get; } = new([], [], []);

    /// <summary>The loaded targets, in discovery order.</summary>
    public IReadOnlyList<LoadedTarget> Targets { get; }

    /// <summary>One line per plugin or target that was skipped, naming it and why.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Details for <c>--verbose</c>: what was loaded from where, plugins without targets.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The target's name.</param>
    public LoadedTarget? Find(string name) => Targets.FirstOrDefault(t => t.Name == name);

    /// <summary>Loads every plugin from the default search path (see <see cref="PluginSearchPath"/>).</summary>
    public static PluginCatalog LoadDefault() => Load(PluginSearchPath.Default());

    /// <summary>Loads every plugin found in <paramref name="directories"/>.</summary>
    /// <param name="directories">Plugin roots or single plugin folders.</param>
    public static PluginCatalog Load(IEnumerable<string> directories)
    {
        var targets = new List<LoadedTarget>();
        var warnings = new List<string>();
        var notes = new List<string>();
        foreach (var file in PluginSearchPath.FindPluginFiles(directories))
        {
            var label = $"plugin {Path.GetFileNameWithoutExtension(file)} ({file})";
            try
            {
                foreach (var loaded in PluginAssemblyLoader.Load(file, reason => warnings.Add($"{label}: {reason}")))
                {
                    AddUnique(targets, loaded, warnings, label);
                }
                notes.Add($"{label}: {targets.Count(t => t.PluginPath == file)} target(s)");
            }
            catch (PluginLoadException e)
            {
                (e.IsWarning ? warnings : notes).Add($"{label}: {e.Message}");
            }
        }
        return new PluginCatalog(targets, warnings, notes);
    }

    private static void AddUnique(List<LoadedTarget> targets, LoadedTarget loaded, List<string> warnings, string label)
    {
        if (targets.FirstOrDefault(t => t.Name == loaded.Name) is { } existing)
        {
            warnings.Add($"{label}: target '{loaded.Name}' is already provided by plugin {existing.PluginName} ({existing.PluginPath}); skipped");
            return;
        }
        targets.Add(loaded);
    }
}
