using System.Text;
using Boxer.Host.Cli;

namespace Boxer.Host.Tui;

/// <summary>
/// Step 6: what the build made (locations, sizes, digests) and how to run it, or the one-line error and the
/// log; and the equivalent headless command line. All of it in a read-only text view, so it can be
/// scrolled, selected and copied.
/// </summary>
internal sealed class SummaryScreen : WizardScreen
{
    private readonly ReadOnlyTextView _text = new() { Y = 0, WordWrap = true };

    public SummaryScreen() : base("Summary") => Add(_text);

    public BuildOutcome? Outcome { get; private set; }

    /// <summary>All the summary text, unwrapped.</summary>
    public string SummaryText => _text.Text;

    public override bool CanGoBack => false;

    public override Terminal.Gui.ViewBase.View? FirstFocus => _text;

    public void Show(BuildOutcome outcome, IReadOnlyList<string> commandLines)
    {
        Outcome = outcome;
        var text = new StringBuilder();
        if (outcome.Result is { } result)
        {
            text.AppendLine($"Built {result.Artifacts.Count} artifact(s):");
            foreach (var artifact in result.Artifacts)
            {
                var size = artifact.Size is { } s ? $"  {ByteSize.Format(s)}" : "";
                text.AppendLine($"  {artifact.Target} {ArtifactPrinter.KindName(artifact.Kind)} {artifact.Location}{size}");
                if (artifact.Digest is { } digest)
                {
                    text.AppendLine($"    {digest}");
                }
            }
            text.AppendLine().AppendLine("Run it:");
            result.Artifacts.SelectMany(a => a.UsageHints).ToList().ForEach(h => text.AppendLine($"  {h}"));
        }
        else
        {
            text.AppendLine($"Build failed (exit code {outcome.ExitCode}): {outcome.Error}");
            text.AppendLine().AppendLine("Log:");
            outcome.Log.ToList().ForEach(l => text.AppendLine($"  {l}"));
        }
        text.AppendLine().AppendLine("The same build headless:");
        commandLines.ToList().ForEach(c => text.AppendLine(c));
        _text.Text = text.ToString();
    }
}
