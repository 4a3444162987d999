namespace Boxer.Abstractions.Testing;

/// <summary>How <see cref="IImageTester.BootAsync"/> should start the image.</summary>
public sealed record ImageBootOptions
{
    /// <summary>A name unique to this test, for the container or instance (and any temporary image name).</summary>
    public required string InstanceName { get; init; }

    /// <summary>How long a stop may take before the runtime kills the system; the host reports a kill as a failure.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where to report log lines (loading, importing); the host shows them like a build's.</summary>
    public IProgress<BuildEvent> Progress { get; init; } = new Progress<BuildEvent>();
}
