using System.Diagnostics;
using Boxer.Core.Plugins;
using Boxer.Core.Recipes;
using Boxer.Host.Tests.Support;
using Boxer.Host.Tui;
using Boxer.TestSupport;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace Boxer.Host.Tests.Tui;

/// <summary>
/// The wizard on Terminal.Gui's headless ANSI driver with virtual time: keys are injected, the main loop is
/// pumped by hand (timers, then layout and draw) and the screen is read back as text. A temp directory
/// holds the demo stage3, the recent list and the outputs, and is removed on dispose.
/// </summary>
internal sealed class WizardHarness : IDisposable
{
    /// <summary>A guard against a hung build, not a speed expectation.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly SessionToken _session;

    /// <param name="pluginRoots">Plugin directories besides the host's own <c>plugins/</c>.</param>
    public WizardHarness(params string[] pluginRoots)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("boxer-tui-").FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz"), Path.Combine(Directory, "stage3-demo.tar.xz"));
        App = Application.Create(new VirtualTimeProvider()).Init("ansi");
        Window = new WizardWindow(App, new WizardSettings
        {
            Catalog = PluginCatalog.Load([Path.Combine(BoxerHost.HostDirectory, "plugins"), .. pluginRoots]),
            Recipes = new RecipeLocator([Path.Combine(BoxerHost.HostDirectory, "recipes")]),
            Recent = new RecentStages(Path.Combine(Directory, "config", "recent.json")),
            StartDirectory = Directory,
            // Recipes compile into this harness's folder, never into the user's ~/.cache/boxer.
            RecipeRunner = new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = Path.Combine(Directory, "recipe-cache") }),
        });
        _session = App.Begin(Window) ?? throw new InvalidOperationException("the wizard did not start");
        Pump();
    }

    public string Directory { get; }

    public IApplication App { get; }

    public WizardWindow Window { get; }

    /// <summary>The screen as text, after the pending main-loop work is done.</summary>
    public string Screen
    {
        get
        {
            Pump();
            return App.Driver!.ToString() ?? "";
        }
    }

    public void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            App.InjectKey(key);
            Pump();
        }
    }

    public void Type(string text)
    {
        foreach (var c in text)
        {
            App.InjectKey(new Key(c));
        }
        Pump();
    }

    /// <summary>Pumps the loop until <paramref name="condition"/> holds (work runs on worker threads).</summary>
    public void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"gave up waiting for {what}; the screen:\n{Screen}");
            }
            Thread.Sleep(20);
            Pump();
        }
    }

    public void WaitForText(string text) => WaitFor(() => Screen.Contains(text, StringComparison.Ordinal), $"'{text}' on screen");

    public void Pump()
    {
        App.TimedEvents!.RunTimers();
        App.LayoutAndDraw(true);
    }

    public void Dispose()
    {
        Window.Shutdown();
        App.End(_session);
        Window.Dispose();
        App.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
