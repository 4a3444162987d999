using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// Step 4: a form generated from each chosen target's declared options, checked as the user types with the
/// same rules the pipeline applies (<see cref="TargetOptionChecker"/>: each option's own check, then the
/// target's), the first problem shown with its reason.
/// </summary>
internal sealed class OptionsScreen : WizardScreen
{
    private const int MaxLabelWidth = 30;
    private readonly Func<IReadOnlyList<LoadedTarget>> _chosen;
    private readonly View _form = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
    private readonly Label _problem = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
    private List<(ITarget Target, List<OptionField> Fields)> _targets = [];
    private IReadOnlyList<string> _problems = [];

    public OptionsScreen(Func<IReadOnlyList<LoadedTarget>> chosen) : base("Options")
    {
        _chosen = chosen;
        Add(_form, _problem);
    }

    public override string? Blocker => _problems.Count > 0 ? "fix the option problems shown above" : null;

    public override View? FirstFocus => _targets.SelectMany(t => t.Fields).FirstOrDefault()?.Input;

    /// <summary>What the user set for each chosen target (defaults left out).</summary>
    public IReadOnlyList<TargetRequest> Requests => [.. _targets.Select(t => new TargetRequest(t.Target, Values(t.Fields)))];

    public override void Enter()
    {
        var chosen = _chosen().Select(l => l.Target).ToList();
        if (chosen.SequenceEqual(_targets.Select(t => t.Target)))
        {
            return;
        }
        // Another set of targets: build the form anew (values typed for the old set are dropped).
        _form.RemoveAll();
        _targets = [];
        var y = 0;
        var inputColumn = Math.Min(MaxLabelWidth, chosen.SelectMany(t => t.Options).Select(o => o.Name.Length + 5).DefaultIfEmpty(0).Max());
        foreach (var target in chosen)
        {
            _form.Add(new Label { X = 0, Y = y++, Text = $"{target.Name} options:" });
            var fields = target.Options.Select(o => new OptionField(o, y++, inputColumn)).ToList();
            foreach (var field in fields)
            {
                field.Changed += (_, _) => Check();
                _form.Add(field.Label, field.Input);
            }
            _targets.Add((target, fields));
            y++;
        }
        Check();
    }

    private void Check()
    {
        _problems = [.. _targets.SelectMany(t => TargetOptionChecker.Problems(t.Target, Values(t.Fields)).Select(p => p.StartsWith($"{t.Target.Name}:", StringComparison.Ordinal) ? p : $"{t.Target.Name}: {p}"))];
        _problem.Text = string.Join('\n', _problems);
        RaiseStateChanged();
    }

    private static TargetOptionValues Values(IEnumerable<OptionField> fields) =>
        new(fields.Where(f => f.Value is not null).ToDictionary(f => f.Option.Name, f => f.Value!, StringComparer.Ordinal));
}
