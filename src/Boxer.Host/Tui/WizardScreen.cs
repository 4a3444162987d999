using Terminal.Gui.ViewBase;

namespace Boxer.Host.Tui;

/// <summary>
/// One step of the wizard: a view filling the wizard's content area that says whether the user may go on
/// and why not. Screens hold their own result (the chosen stage, targets, ...) for the wizard to read.
/// </summary>
internal abstract class WizardScreen : View
{
    protected WizardScreen(string title)
    {
        Title = title;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    /// <summary>Raised when <see cref="Blocker"/> may have changed.</summary>
    public event EventHandler? StateChanged;

    /// <summary>Why the wizard cannot go on from this screen yet, shown in the status line; null when it can.</summary>
    public virtual string? Blocker => null;

    /// <summary>Whether the user may go back from this screen (not during or after a build).</summary>
    public virtual bool CanGoBack => true;

    /// <summary>The view that gets the focus when the screen is shown.</summary>
    public virtual View? FirstFocus => null;

    /// <summary>Called each time the screen is shown, so it can refresh from the earlier screens' results.</summary>
    public virtual void Enter()
    {
    }

    /// <summary>Called each time the screen is left (for another screen), so it can stop work nobody will see.</summary>
    public virtual void Leave()
    {
    }

    protected void RaiseStateChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
}
