using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// Step 5: runs the build through <see cref="BuildPipeline"/> from the already imported stage, showing a
/// progress row per phase and a live log. Cancel (or leaving the wizard) cancels the token; the targets
/// then remove their partial outputs. When the build ends, <see cref="Finished"/> is raised.
/// </summary>
internal sealed class BuildScreen : WizardScreen
{
    private const int VisiblePhases = 6;
    private readonly IApplication _app;
    private readonly Func<(BuildRequest Request, ImportedStage Stage)> _request;
    private readonly View _phases = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = VisiblePhases };
    private readonly ReadOnlyTextView _log = new() { Y = VisiblePhases + 1, WordWrap = true };
    private readonly Button _cancel = new() { X = Pos.AnchorEnd(), Y = VisiblePhases, Text = "_Cancel build" };
    private readonly List<PhaseRow> _rows = [];
    private readonly List<string> _lines = [];
    private CancellationTokenSource? _buildCancel;

    public BuildScreen(IApplication app, Func<(BuildRequest Request, ImportedStage Stage)> request) : base("Build")
    {
        _app = app;
        _request = request;
        _cancel.Accepting += (_, e) =>
        {
            e.Handled = true;
            Cancel();
        };
        Add(_phases, new Label { X = 0, Y = VisiblePhases, Text = "Log:" }, _cancel, _log);
    }

    /// <summary>Raised on the main loop when the build has ended, whichever way.</summary>
    public event EventHandler<BuildOutcome>? Finished;

    /// <summary>The running build, so that leaving the wizard can wait for the cleanup.</summary>
    public Task? Building { get; private set; }

    public override bool CanGoBack => false;

    public override View? FirstFocus => _cancel;

    public override string? Blocker => Building is { IsCompleted: false } ? "building... (Cancel or Esc stops it and removes partial outputs)" : null;

    public override void Enter()
    {
        if (Building is not null)
        {
            return;
        }
        var (request, stage) = _request();
        _buildCancel = new CancellationTokenSource();
        var progress = new UiProgress(_app, Show);
        var token = _buildCancel.Token;
        Building = Task.Run(() => RunAsync(request, stage, progress, token), CancellationToken.None);
        RaiseStateChanged();
    }

    public void Cancel() => _buildCancel?.Cancel();

    private async Task RunAsync(BuildRequest request, ImportedStage stage, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        BuildOutcome outcome;
        try
        {
            var result = await BuildPipeline.RunAsync(request, stage, progress, cancellationToken);
            outcome = new BuildOutcome(result, ExitCode.Success, null, []);
        }
        catch (Exception e)
        {
            var (code, message) = Program.Describe(e);
            outcome = new BuildOutcome(null, code, message, []);
        }
        _app.Invoke(() =>
        {
            if (outcome.Error is { } error)
            {
                AppendLog($"error: {error}");
            }
            Finished?.Invoke(this, outcome with { Log = [.. _lines] });
        });
    }

    private void Show(BuildEvent value)
    {
        switch (value)
        {
            case PhaseStarted started:
                AddRow(new PhaseRow(started.Phase, started.TotalBytes, 0));
                break;
            case PhaseProgress step:
                _rows.FirstOrDefault(r => r.Phase == step.Phase)?.Progress(step.DoneBytes, step.TotalBytes);
                break;
            case PhaseCompleted done:
                _rows.FirstOrDefault(r => r.Phase == done.Phase)?.Complete(done.Elapsed);
                break;
            case LogMessage { Level: not BuildLogLevel.Debug } log:
                AppendLog(log.Source is { } s ? $"{s}: {log.Message}" : log.Message);
                break;
            case ArtifactProduced produced:
                AppendLog($"made {produced.Artifact.Location}");
                break;
        }
    }

    private void AddRow(PhaseRow row)
    {
        _rows.Add(row);
        // The most recent phases stay in view; finished early ones scroll off the top.
        while (_rows.Count > VisiblePhases && _rows.FirstOrDefault(r => r.Done) is { } old)
        {
            _rows.Remove(old);
            _phases.Remove(old);
            old.Dispose();
        }
        _phases.Add(row);
        for (var i = 0; i < _rows.Count; i++)
        {
            _rows[i].Y = i;
        }
    }

    private void AppendLog(string line)
    {
        _lines.Add(line);
        _log.Text = string.Join('\n', _lines);
        _log.MoveEnd();
    }
}
