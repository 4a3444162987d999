using Boxer.Host.Tests.Support;
using Terminal.Gui.Input;

namespace Boxer.Host.Tests.Tui;

[Collection(TuiCollection.Name)]
public sealed class WizardCancelSpecs(PluginWorkshop workshop)
{
    [Fact]
    public void Cancelling_a_build_removes_its_partial_output_and_shows_why_it_stopped()
    {
        using var wizard = new WizardHarness(workshop.GoodRoot);
        var output = Path.Combine(wizard.Directory, "held.txt");
        wizard.Press(Key.Enter);
        wizard.WaitForText("init: OpenRC");
        wizard.Press(Key.F3);
        var index = wizard.Window.Targets.Names.ToList().IndexOf("tiny");
        Assert.True(index >= 0, $"the tiny test target is not listed:\n{wizard.Screen}");
        wizard.Press([.. Enumerable.Repeat(Key.CursorDown, index), Key.Space, Key.F3]);
        wizard.Press(Key.Home, Key.F3);
        Assert.Contains("tiny options:", wizard.Screen);
        wizard.Type(output);
        // out, greeting, mood, shout, hold: to the last checkbox and tick it.
        wizard.Press(Key.Tab, Key.Tab, Key.Tab, Key.Tab, Key.Space);
        Assert.Contains("--hold", wizard.Window.Options.Requests.Single().Options.All.Keys.Select(k => $"--{k}"));

        wizard.Press(Key.F3);
        wizard.WaitForText("holding until cancelled");
        Assert.True(File.Exists(output), $"the held output was not written:\n{wizard.Screen}");
        wizard.Press(Key.Enter);
        wizard.WaitForText("Step 6 of 6: Summary");

        Assert.Contains("Build failed (exit code 130): cancelled", wizard.Screen);
        Assert.False(File.Exists(output), "the cancelled build left its output behind");
        Assert.Equal(130, wizard.Window.Summary.Outcome!.ExitCode);
    }
}
