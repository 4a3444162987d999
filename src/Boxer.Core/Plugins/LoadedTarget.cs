using Boxer.Abstractions;

namespace Boxer.Core.Plugins;

/// <summary>A target created from a plugin, with where it came from (shown by <c>boxer targets</c>).</summary>
/// <param name="Target">The target instance.</param>
/// <param name="PluginPath">The full path of the plugin assembly that defines it.</param>
/// <param name="PluginVersion">The plugin assembly's version, e.g. <c>1.0.0</c>.</param>
public sealed record LoadedTarget(ITarget Target, string PluginPath, string PluginVersion)
{
    public string Name => Target.Name;

    /// <summary>The plugin's name: its assembly file name without extension.</summary>
    public string PluginName => Path.GetFileNameWithoutExtension(PluginPath);
}
