using Boxer.Core.Plugins;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// Step 2: every loaded target, built-in or third-party alike, as a checkbox with its summary. Several
/// chosen targets are built from the one import.
/// </summary>
internal sealed class TargetsScreen : WizardScreen
{
    private readonly List<(LoadedTarget Target, CheckBox Box)> _boxes = [];

    public TargetsScreen(PluginCatalog catalog) : base("Targets")
    {
        Add(new Label { X = 0, Y = 0, Text = "Build these (Space toggles; one import serves them all):" });
        var y = 2;
        foreach (var loaded in catalog.Targets)
        {
            var box = new CheckBox { X = 0, Y = y++, Text = $"{loaded.Name} - {loaded.Target.Summary}" };
            box.ValueChanged += (_, _) => RaiseStateChanged();
            _boxes.Add((loaded, box));
            Add(box);
        }
        if (_boxes.Count == 0)
        {
            Add(new Label { X = 0, Y = 2, Text = "No target is loaded (see `boxer targets --verbose`)." });
        }
    }

    /// <summary>The listed targets' names, top to bottom.</summary>
    public IReadOnlyList<string> Names => [.. _boxes.Select(b => b.Target.Name)];

    /// <summary>The checked targets, in catalog order.</summary>
    public IReadOnlyList<LoadedTarget> Chosen => [.. _boxes.Where(b => b.Box.Value == CheckState.Checked).Select(b => b.Target)];

    public override Terminal.Gui.ViewBase.View? FirstFocus => _boxes.Count > 0 ? _boxes[0].Box : null;

    public override string? Blocker => Chosen.Count == 0 ? "choose at least one target" : null;
}
