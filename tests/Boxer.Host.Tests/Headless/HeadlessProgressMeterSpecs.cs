using Boxer.Host.Cli;

namespace Boxer.Host.Tests.Headless;

/// <summary>The figures of the headless progress line and the wizard's phase rows.</summary>
public sealed class HeadlessProgressMeterSpecs
{
    [Fact]
    public void A_phase_with_a_known_total_shows_percent_bytes_rate_and_time_left()
    {
        var meter = new HeadlessProgressMeter(totalBytes: 4_000_000);
        Thread.Sleep(5);
        meter.Update(1_000_000, null);

        var text = meter.Describe();

        Assert.StartsWith("25% 1.0 MB of 4.0 MB, ", text);
        Assert.Contains("/s, ETA ", text);
        Assert.Equal(0.25, meter.Fraction);
        Assert.True(meter.Eta > TimeSpan.Zero, $"no time left computed: {text}");
    }

    [Fact]
    public void A_phase_without_a_total_shows_bytes_and_rate_but_no_percent_or_eta()
    {
        var meter = new HeadlessProgressMeter(totalBytes: null);
        Thread.Sleep(5);
        meter.Update(2_500, null);

        Assert.StartsWith("2.5 kB, ", meter.Describe());
        Assert.DoesNotContain("ETA", meter.Describe());
        Assert.Null(meter.Fraction);
    }

    [Theory]
    [InlineData(59, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(3725, "1:02:05")]
    public void Durations_read_like_a_clock(int seconds, string expected) =>
        Assert.Equal(expected, HeadlessProgressMeter.FormatDuration(TimeSpan.FromSeconds(seconds)));
}
