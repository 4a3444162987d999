namespace Boxer.Host.Tests.Tui;

/// <summary><c>boxer tui</c> in a real pseudo-terminal (tmux): needs tmux (Debian package tmux).</summary>
[Collection(TuiCollection.Name)]
public sealed class TerminalSpecs
{
    [Fact]
    public void I_can_build_with_the_wizard_in_an_80x24_terminal_without_colour_and_leave_with_Esc()
    {
        using var directory = TerminalWizardScript.StageDirectory();
        var output = directory.Combine("demo.sif");
        using var terminal = new TmuxSession(TerminalWizardScript.WizardCommand(directory.Path, "TERM=xterm NO_COLOR=1"));

        var first = terminal.WaitFor("Step 1 of 6: Stage3");
        Assert.Equal(80, first.Split('\n')[0].TrimEnd().Length);
        TerminalWizardScript.BuildSif(terminal, output);
        terminal.Keys("Escape");
        var after = terminal.WaitFor("BOXER-EXIT=");
        Assert.Contains("BOXER-EXIT=0", after);
        // The terminal is restored: the wizard's frame is gone and the shell's line is plain text.
        Assert.DoesNotContain("Step 6 of 6", after);
    }

    [Fact]
    public void Resizing_the_terminal_redraws_the_wizard_to_the_new_size()
    {
        using var directory = TerminalWizardScript.StageDirectory();
        using var terminal = new TmuxSession(TerminalWizardScript.WizardCommand(directory.Path, "TERM=screen"));
        terminal.WaitFor("Step 1 of 6: Stage3");

        terminal.Resize(100, 30);
        terminal.WaitFor(new string('─', 90));
        var wide = terminal.Capture().Split('\n');
        Assert.Equal(100, wide[0].TrimEnd().Length);
        Assert.Contains("Quit (Esc)", wide[28]);
        terminal.Keys("C-c");
        Assert.Contains("BOXER-EXIT=130", terminal.WaitFor("BOXER-EXIT="));
    }
}
