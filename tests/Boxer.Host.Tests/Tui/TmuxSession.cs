using System.Diagnostics;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Tui;

/// <summary>
/// A command in a real pseudo-terminal: a tmux server on a private socket in a temp dir (so tests never touch
/// a user's tmux nor leave /tmp/tmux-UID behind), one detached session of the given size. Dispose kills the
/// server and everything in it and removes the socket's dir.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    /// <summary>A guard against a hung wizard, not a speed expectation.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDir _socketDirectory = new("boxer-tmux-");

    public TmuxSession(string shellCommand, int width = 80, int height = 24)
    {
        ExternalTool.Require("tmux");
        Tmux("new-session", "-d", "-s", "main", "-x", $"{width}", "-y", $"{height}", shellCommand).EnsureSuccess();
    }

    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", "main", .. keys]).EnsureSuccess();

    public void Text(string text) => Tmux("send-keys", "-t", "main", "-l", text).EnsureSuccess();

    public void Resize(int width, int height) => Tmux("resize-window", "-t", "main", "-x", $"{width}", "-y", $"{height}").EnsureSuccess();

    public string Capture() => Tmux("capture-pane", "-p", "-t", "main").EnsureSuccess().Stdout;

    /// <summary>Captures the pane until it shows <paramref name="text"/>; returns that capture.</summary>
    public string WaitFor(string text)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Capture();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"gave up waiting for '{text}' in the terminal; it shows:\n{screen}");
            }
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        Tmux("kill-server");
        _socketDirectory.Dispose();
    }

    private ToolResult Tmux(params string[] args) =>
        ExternalTool.Run("tmux", ["-S", _socketDirectory.Combine("socket"), "-f", "/dev/null", .. args]);
}
