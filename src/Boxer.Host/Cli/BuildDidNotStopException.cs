namespace Boxer.Host.Cli;

/// <summary>A cancelled build that did not stop within the grace period (something ignores cancellation).</summary>
internal sealed class BuildDidNotStopException(TimeSpan grace)
    : Exception($"cancelled; the build did not stop within {grace.TotalSeconds:0} s, so boxer exits without waiting for it (temporary files it leaves are removed by the next build into the same directory)");
