using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

// TextView is marked obsolete in Terminal.Gui 2.5 in favour of a separate editor package that the NuGet mirror
// does not serve; it is still the one built-in view whose text scrolls and can be selected and copied.
#pragma warning disable CS0618
/// <summary>A scrollable, selectable, read-only text pane (the plan, the build log, the summary).</summary>
internal sealed class ReadOnlyTextView : TextView
#pragma warning restore CS0618
{
    public ReadOnlyTextView()
    {
        ReadOnly = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
        X = 0;
    }
}
