using Boxer.Host.Cli;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Boxer.Host.Tui;

/// <summary>One phase of a build on the build screen: its name, a progress bar, and bytes, rate and ETA.</summary>
internal sealed class PhaseRow : View
{
    private const int NameWidth = 22;
    private const int BarWidth = 20;
    private readonly HeadlessProgressMeter _meter;
    private readonly ProgressBar _bar = new() { X = NameWidth, Y = 0, Width = BarWidth, Height = 1 };
    private readonly Label _figures = new() { X = NameWidth + BarWidth + 1, Y = 0, Width = Dim.Fill() };

    public PhaseRow(string phase, long? totalBytes, int y)
    {
        Phase = phase;
        _meter = new HeadlessProgressMeter(totalBytes);
        X = 0;
        Y = y;
        Width = Dim.Fill();
        Height = 1;
        Add(new Label { X = 0, Y = 0, Width = NameWidth - 1, Text = phase }, _bar, _figures);
    }

    public string Phase { get; }

    public bool Done { get; private set; }

    public void Progress(long doneBytes, long? totalBytes)
    {
        _meter.Update(doneBytes, totalBytes);
        _bar.Fraction = (float)(_meter.Fraction ?? 0);
        _figures.Text = _meter.Describe();
    }

    public void Complete(TimeSpan elapsed)
    {
        Done = true;
        _bar.Fraction = 1;
        var bytes = _meter.DoneBytes > 0 ? $"{ByteSize.Format(_meter.DoneBytes)}, " : "";
        _figures.Text = $"done: {bytes}{elapsed.TotalSeconds:0.0} s";
    }
}
