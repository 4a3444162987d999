namespace Boxer.Core.Plugins;

/// <summary>A plugin file could not be used; caught by <see cref="PluginCatalog"/> and turned into one line.</summary>
/// <param name="message">Why, without the plugin's name (the catalog adds it).</param>
/// <param name="isWarning">False when the plugin is merely empty, which only <c>--verbose</c> mentions.</param>
internal sealed class PluginLoadException(string message, bool isWarning = true) : Exception(message)
{
    public bool IsWarning { get; } = isWarning;
}
