using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// The wizard: one window showing one screen at a time (stage3, targets, recipe, options, build, summary)
/// with Back/Next and a status line saying why Next is not possible yet. It only gathers choices into a
/// <see cref="BuildRequest"/>; the screens' results are read here, never written by another screen.
/// Keys: F2 back, F3 next, Esc or Ctrl-C leave (cancelling a running build first).
/// </summary>
internal sealed class WizardWindow : Window
{
    private readonly WizardSettings _settings;
    private readonly Label _heading = new() { X = 0, Y = 0, Width = Dim.Fill() };
    private readonly View _content = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
    private readonly Label _status = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
    private readonly Button _back = new() { X = 0, Y = Pos.AnchorEnd(1), Text = "Back (F2)", ShadowStyle = null };
    private readonly Button _next = new() { X = 14, Y = Pos.AnchorEnd(1), Text = "Next (F3)", ShadowStyle = null };
    private readonly Button _quit = new() { X = Pos.AnchorEnd(), Y = Pos.AnchorEnd(1), Text = "Quit (Esc)", ShadowStyle = null };
    private readonly List<WizardScreen> _screens;
    private int _index;

    public WizardWindow(IApplication app, WizardSettings settings)
    {
        _settings = settings;
        Title = "boxer";
        Stage = new StageScreen(app, settings.StartDirectory, settings.Recent);
        Targets = new TargetsScreen(settings.Catalog);
        Options = new OptionsScreen(() => Targets.Chosen);
        Recipe = new RecipeScreen(app, settings.Recipes, settings.RecipeRunner, PlanTargets, () => Stage.Imported);
        Build = new BuildScreen(app, BuildRequest);
        Summary = new SummaryScreen();
        _screens = [Stage, Targets, Recipe, Options, Build, Summary];
        _screens.ForEach(s => s.StateChanged += (_, _) => Refresh());
        Build.Finished += (_, outcome) =>
        {
            Summary.Show(outcome, CommandLines());
            Show(_screens.IndexOf(Summary));
        };
        _back.Accepting += (_, e) => { e.Handled = true; Move(-1); };
        _next.Accepting += (_, e) => { e.Handled = true; Move(+1); };
        _quit.Accepting += (_, e) => { e.Handled = true; app.RequestStop(); };
        app.Keyboard.KeyDown += (_, key) => OnKey(app, key);
        Add(_heading, _content, _status, _back, _next, _quit);
        Show(0);
    }

    public StageScreen Stage { get; }

    public TargetsScreen Targets { get; }

    public RecipeScreen Recipe { get; }

    public OptionsScreen Options { get; }

    public BuildScreen Build { get; }

    public SummaryScreen Summary { get; }

    public WizardScreen Current => _screens[_index];

    /// <summary>Cancels what runs, waits for it (targets remove partial outputs) and frees the imported stage.</summary>
    public void Shutdown()
    {
        Stage.CancelImport();
        Build.Cancel();
        var running = new[] { Stage.Importing, Build.Building }.OfType<Task>().ToArray();
        Task.WaitAll([.. running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))], TimeSpan.FromSeconds(30));
        Stage.Imported?.Dispose();
    }

    private void OnKey(IApplication app, Key key)
    {
        if (key == Key.F2 || key == Key.F3)
        {
            key.Handled = true;
            Move(key == Key.F2 ? -1 : +1);
        }
        else if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            app.RequestStop();
        }
    }

    private void Move(int step)
    {
        var target = _index + step;
        if (target < 0 || target >= _screens.Count || (step < 0 && !Current.CanGoBack) || (step > 0 && Current.Blocker is not null))
        {
            return;
        }
        if (Current == Summary)
        {
            return;
        }
        Show(target);
    }

    private void Show(int index)
    {
        if (_content.SubViews.Count > 0)
        {
            Current.Leave();
        }
        _content.RemoveAll();
        _index = index;
        _content.Add(Current);
        Current.Enter();
        (Current.FirstFocus ?? Current).SetFocus();
        Refresh();
    }

    private void Refresh()
    {
        _heading.Text = $"Step {_index + 1} of {_screens.Count}: {Current.Title}";
        _status.Text = Current.Blocker ?? (Current == Summary ? "Done: Esc leaves." : "Ready: Next (F3) goes on.");
        _back.Enabled = _index > 0 && Current.CanGoBack;
        _next.Enabled = Current.Blocker is null && Current != Summary;
    }

    private (BuildRequest Request, ImportedStage Stage) BuildRequest()
    {
        var imported = Stage.Imported ?? throw new InvalidOperationException("the build screen opened without an imported stage");
        var recipe = Recipe.RecipePath;
        var request = new BuildRequest
        {
            StagePath = imported.Stage.SourcePath,
            Targets = Options.Requests,
            Finalizer = recipe is null ? NoFinalizer.Instance : new RecipeFinalizer(recipe, runner: _settings.RecipeRunner),
            SourceDateEpoch = _settings.SourceDateEpoch,
            BoxerVersion = _settings.BoxerVersion,
            WorkingDirectory = _settings.StartDirectory,
        };
        return (request, imported);
    }

    /// <summary>The chosen targets with the options set so far; a plan does not need what only writing needs (docker's --tag).</summary>
    private IReadOnlyList<TargetRequest> PlanTargets()
    {
        var set = Options.Requests;
        return [.. Targets.Chosen.Select(t => set.FirstOrDefault(r => r.Target == t.Target) ?? new TargetRequest(t.Target, new(new Dictionary<string, string>())))];
    }

    private IReadOnlyList<string> CommandLines() =>
        HeadlessCommandText.For(Stage.Imported?.Stage.SourcePath ?? "", Options.Requests, Recipe.RecipeArgument);
}
