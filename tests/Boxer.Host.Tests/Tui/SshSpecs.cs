namespace Boxer.Host.Tests.Tui;

/// <summary>
/// The wizard over SSH, as on a remote build host: <c>ssh -tt</c> inside tmux runs <c>boxer tui</c> on a
/// private sshd. Needs openssh-server, openssh-client and tmux.
/// </summary>
[Collection(TuiCollection.Name)]
public sealed class SshSpecs
{
    [Fact]
    public void I_can_build_with_the_wizard_over_ssh()
    {
        using var directory = TerminalWizardScript.StageDirectory();
        var output = directory.Combine("over-ssh.sif");
        using var server = new SshServer();
        // The remote side runs the wizard and prints its exit code; tmux (TERM=screen) is the local terminal.
        var remote = TerminalWizardScript.WizardCommand(directory.Path, "").Replace("; sleep 600", "", StringComparison.Ordinal);
        using var terminal = new TmuxSession($"{server.SshCommand(remote)}; sleep 600");

        TerminalWizardScript.BuildSif(terminal, output);
        terminal.Keys("Escape");
        Assert.Contains("BOXER-EXIT=0", terminal.WaitFor("BOXER-EXIT="));
    }
}
