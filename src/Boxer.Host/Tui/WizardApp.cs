using Terminal.Gui.App;

namespace Boxer.Host.Tui;

/// <summary>Runs the wizard on the real terminal and turns how it ended into an exit code.</summary>
internal static class WizardApp
{
    /// <summary>
    /// 0 after a successful build, the build's own exit code after a failed one, and
    /// <see cref="ExitCode.Cancelled"/> when the user left before a build finished.
    /// </summary>
    public static int Run(WizardSettings settings)
    {
        using var app = Application.Create().Init();
        var window = new WizardWindow(app, settings);
        try
        {
            app.Run(window);
        }
        finally
        {
            window.Shutdown();
            window.Dispose();
        }
        return window.Summary.Outcome?.ExitCode ?? ExitCode.Cancelled;
    }
}
