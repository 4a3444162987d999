namespace Boxer.Core.Testing;

/// <summary>How <see cref="ImageTestRunner"/> tests an image.</summary>
/// <param name="Timeout">How long the boot may take to reach the default runlevel.</param>
/// <param name="InstanceName">The container or instance name, unique to this test.</param>
public sealed record ImageTestSettings(TimeSpan Timeout, string InstanceName)
{
    /// <summary>The default <c>--timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long the stop may take before the runtime kills; Docker's own default.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A name for a test's container: <c>boxer-test-</c> and 8 random hex digits.</summary>
    public static string NewInstanceName() => "boxer-test-" + Guid.NewGuid().ToString("N")[..8];
}
