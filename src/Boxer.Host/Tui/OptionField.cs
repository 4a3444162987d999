using Boxer.Abstractions;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// The input for one declared <see cref="TargetOption"/>: a checkbox for a bool, a button that cycles
/// through the values of a choice, a text field for text, path and integer. Its value is what the user set,
/// or null while it is the default (so defaults stay the pipeline's business, as on the command line).
/// </summary>
internal sealed class OptionField
{
    private readonly TextField? _text;
    private readonly CheckBox? _check;
    private readonly Button? _choice;
    private int _choiceIndex;

    public OptionField(TargetOption option, int y, int inputColumn)
    {
        Option = option;
        var required = option.Required ? " *" : "";
        Label = new Label { X = 0, Y = y, Text = $"--{option.Name}{required}" };
        Input = option.Kind switch
        {
            TargetOptionKind.Bool => _check = new CheckBox { Text = option.Help, Value = IsTrue(option.Default) ? CheckState.Checked : CheckState.UnChecked },
            TargetOptionKind.Choice => _choice = new Button { Text = option.Default ?? option.Choices.FirstOrDefault() ?? "", ShadowStyle = null },
            _ => _text = new TextField { Text = option.Default ?? "", Width = Dim.Fill() },
        };
        _choiceIndex = Math.Max(0, option.Choices.ToList().IndexOf(_choice?.Text ?? ""));
        Input.X = inputColumn;
        Input.Y = y;
        if (_choice is not null)
        {
            _choice.Accepting += (_, e) =>
            {
                e.Handled = true;
                _choiceIndex = (_choiceIndex + 1) % Math.Max(1, option.Choices.Count);
                _choice.Text = option.Choices.Count > 0 ? option.Choices[_choiceIndex] : "";
                Changed?.Invoke(this, EventArgs.Empty);
            };
        }
        _text?.TextChanged += (_, _) => Changed?.Invoke(this, EventArgs.Empty);
        _check?.ValueChanged += (_, _) => Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Raised as the user types or toggles.</summary>
    public event EventHandler? Changed;

    public TargetOption Option { get; }

    public Label Label { get; }

    public View Input { get; }

    /// <summary>The value the user set, or null when it is empty or the declared default.</summary>
    public string? Value
    {
        get
        {
            var value = _check is not null ? (_check.Value == CheckState.Checked ? "true" : "false") : (_choice?.Text ?? _text!.Text);
            var isDefault = _check is not null ? IsTrue(Option.Default) == (value == "true") : value == (Option.Default ?? "");
            return value.Length == 0 || isDefault ? null : value;
        }
    }

    private static bool IsTrue(string? value) => value is "true" or "yes" or "on" or "1";
}
