using System.Collections.ObjectModel;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Plan;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// Step 3: the recipe that finalizes each tree: a shipped or user recipe (with its description), none, or a
/// path. "Plan" shows what the recipe would change for the chosen targets, in a scrollable view: the build's
/// own path stopped before the write, over the stage the wizard already imported. Pressing Plan again, or
/// leaving the screen, cancels a plan still running.
/// </summary>
internal sealed class RecipeScreen : WizardScreen
{
    private const string PathLine = "a recipe file: type its path below";
    private readonly IApplication _app;
    private readonly IReadOnlyList<RecipeListing> _recipes;
    private readonly Func<IReadOnlyList<TargetRequest>> _targets;
    private readonly Func<ImportedStage?> _stage;
    private readonly RecipeRunner _runner;
    private readonly ListView _list = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 5 };
    private readonly TextField _path = new() { X = 6, Y = 5, Width = Dim.Fill(12) };
    private readonly Button _plan = new() { X = Pos.AnchorEnd(), Y = 5, Text = "_Plan" };
    private readonly ReadOnlyTextView _planText = new() { Y = 6 };
    private CancellationTokenSource? _planning;

    public RecipeScreen(
        IApplication app, RecipeLocator locator, RecipeRunner runner, Func<IReadOnlyList<TargetRequest>> targets, Func<ImportedStage?> stage)
        : base("Recipe")
    {
        _app = app;
        _targets = targets;
        _stage = stage;
        _runner = runner;
        _recipes = locator.List();
        var lines = new List<string> { "none - no recipe: the tree as the stage3 has it" };
        lines.AddRange(_recipes.Select(r => $"{r.Name} - {r.Description}"));
        lines.Add(PathLine);
        _list.SetSource(new ObservableCollection<string>(lines));
        var fallback = _recipes.ToList().FindIndex(r => r.Name == RecipeLocator.DefaultRecipe);
        _list.SelectedItem = fallback >= 0 ? fallback + 1 : 0;
        _list.ValueChanged += (_, _) => RaiseStateChanged();
        _path.TextChanged += (_, _) => RaiseStateChanged();
        _plan.Accepting += (_, e) =>
        {
            e.Handled = true;
            ShowPlan();
        };
        Add(_list, new Label { X = 0, Y = 5, Text = "Path:" }, _path, _plan, _planText);
    }

    /// <summary>The chosen recipe's full path; null for none.</summary>
    public string? RecipePath => Selected switch
    {
        0 => null,
        var i when i <= _recipes.Count => _recipes[i - 1].Path,
        _ => _path.Text.Trim() is { Length: > 0 } typed ? Path.GetFullPath(typed) : null,
    };

    /// <summary>How the headless command line names the recipe: its name when it is a listed one.</summary>
    public string RecipeArgument => Selected switch
    {
        0 => RecipeLocator.None,
        var i when i <= _recipes.Count => _recipes[i - 1].Name,
        _ => RecipePath ?? RecipeLocator.None,
    };

    public override string? Blocker => Selected > _recipes.Count && (RecipePath is not { } p || !File.Exists(p))
        ? "type the path of an existing recipe file"
        : null;

    public override View? FirstFocus => _list;

    private int Selected => _list.SelectedItem ?? 0;

    /// <summary>Leaving the screen abandons a plan still running: nobody would see it.</summary>
    public override void Leave() => CancelPlan();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CancelPlan();
        }
        base.Dispose(disposing);
    }

    private void ShowPlan()
    {
        if (CancelPlan())
        {
            _planText.Text = "The plan was cancelled.";
            return;
        }
        if (RecipePath is not { } recipe || _stage() is not { } stage)
        {
            _planText.Text = "No recipe is chosen: the tree is built as the stage3 has it.";
            return;
        }
        _planText.Text = "Planning... (Plan again cancels)";
        var planning = _planning = new CancellationTokenSource();
        var targets = _targets();
        _ = Task.Run(async () =>
        {
            string text;
            try
            {
                var request = new BuildRequest { StagePath = stage.Stage.SourcePath, Targets = targets, Finalizer = new RecipeFinalizer(recipe, runner: _runner) };
                var plans = await RecipePlanPipeline.PlanAsync(request, stage, new Progress<Boxer.Abstractions.BuildEvent>(), planning.Token);
                text = string.Concat(plans.Select(PlanTextRenderer.Render));
            }
            catch (OperationCanceledException) when (planning.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                text = $"The plan failed: {Program.Describe(e).Message}";
            }
            _app.Invoke(() =>
            {
                // A plan cancelled after it finished must not overwrite what replaced it.
                if (ReferenceEquals(_planning, planning) && !planning.IsCancellationRequested)
                {
                    _planText.Text = text;
                    _planning = null;
                    planning.Dispose();
                }
            });
        });
    }

    /// <summary>Cancels the running plan, if any; true when there was one.</summary>
    private bool CancelPlan()
    {
        if (_planning is not { } running)
        {
            return false;
        }
        _planning = null;
        running.Cancel();
        return true;
    }
}
