using System.Collections.ObjectModel;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>
/// Step 1: pick the stage3 (a path typed in, or chosen from the directory list that starts in the current
/// directory), import it with a progress bar, and show its facts. The imported stage is kept and reused for
/// the build, so the tarball is read once.
/// </summary>
internal sealed class StageScreen : WizardScreen
{
    private readonly IApplication _app;
    private readonly RecentStages _recent;
    private readonly Label _directory = new() { X = 0, Y = 0, Width = Dim.Fill() };
    private readonly TextField _path = new() { X = 8, Y = 1, Width = Dim.Fill() };
    private readonly ListView _list = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = 8 };
    private readonly ProgressBar _bar = new() { X = 0, Y = 10, Width = Dim.Fill(), Height = 1 };
    private readonly Label _facts = new() { X = 0, Y = 11, Width = Dim.Fill(), Height = Dim.Fill() };
    private IReadOnlyList<StageCandidate> _candidates = [];
    private CancellationTokenSource? _importCancel;
    private string? _error;

    public StageScreen(IApplication app, string startDirectory, RecentStages recent) : base("Stage3")
    {
        _app = app;
        _recent = recent;
        Add(_directory, new Label { X = 0, Y = 1, Text = "Stage3:" }, _path, _list, _bar, _facts);
        _path.Accepting += (_, e) =>
        {
            e.Handled = true;
            Choose(_path.Text.Trim());
        };
        _list.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (_list.SelectedItem is { } index && index < _candidates.Count)
            {
                Open(_candidates[index]);
            }
        };
        ShowDirectory(startDirectory);
    }

    /// <summary>The imported stage, once the import finished; the wizard frees it when it closes.</summary>
    public ImportedStage? Imported { get; private set; }

    /// <summary>The running import, if any, so that leaving the wizard can wait for it.</summary>
    public Task? Importing { get; private set; }

    public override string? Blocker =>
        Importing is { IsCompleted: false } ? "importing the stage3..."
        : _error ?? (Imported is null ? "choose a stage3 tarball (Enter on a list line or after typing a path)" : null);

    public override View? FirstFocus => _list;

    /// <summary>Cancels a running import (leaving the wizard).</summary>
    public void CancelImport() => _importCancel?.Cancel();

    private void ShowDirectory(string directory)
    {
        _directory.Text = $"Directory: {directory}";
        _candidates = StageCandidates.List(directory, _recent.Load());
        _list.SetSource(new ObservableCollection<string>(_candidates.Select(c => c.Label)));
        _list.SelectedItem = _candidates.Count > 0 ? 0 : null;
    }

    private void Open(StageCandidate candidate)
    {
        if (candidate.IsDirectory)
        {
            ShowDirectory(candidate.Path);
            return;
        }
        _path.Text = candidate.Path;
        Choose(candidate.Path);
    }

    private void Choose(string path)
    {
        if (path.Length == 0 || Importing is { IsCompleted: false })
        {
            return;
        }
        Imported?.Dispose();
        Imported = null;
        _error = null;
        _bar.Fraction = 0;
        _facts.Text = "";
        _importCancel = new CancellationTokenSource();
        // A URL or gentoo: name is resolved (fetched, verified) by the import, as --stage is.
        var full = Boxer.Core.Sources.StageReference.IsRemote(path) ? path : Path.GetFullPath(path);
        var progress = new UiProgress(_app, ShowProgress);
        var token = _importCancel.Token;
        Importing = Task.Run(() => ImportAsync(full, progress, token), token);
        RaiseStateChanged();
    }

    private async Task ImportAsync(string path, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        try
        {
            var imported = await BuildPipeline.ImportAsync(path, null, progress, cancellationToken);
            _app.Invoke(() => OnImported(imported, path));
        }
        catch (Exception e)
        {
            var message = Program.Describe(e).Message;
            _app.Invoke(() =>
            {
                _error = message;
                _facts.Text = message;
                RaiseStateChanged();
            });
        }
    }

    private void OnImported(ImportedStage imported, string path)
    {
        Imported = imported;
        _bar.Fraction = 1;
        _facts.Text = StageFactsText.Describe(imported);
        _recent.Add(path);
        RaiseStateChanged();
    }

    private void ShowProgress(BuildEvent value)
    {
        if (value is PhaseProgress { TotalBytes: > 0 } step)
        {
            _bar.Fraction = (float)Math.Clamp((double)step.DoneBytes / step.TotalBytes.Value, 0, 1);
        }
    }
}
