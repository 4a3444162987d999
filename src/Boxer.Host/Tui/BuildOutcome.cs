using Boxer.Core.Pipeline;

namespace Boxer.Host.Tui;

/// <summary>How a wizard build ended: its result, or the exit code and one-line error of its failure, and the log.</summary>
/// <param name="Result">What was made; null when the build failed.</param>
/// <param name="ExitCode">The exit code the same failure gives headless (0 on success).</param>
/// <param name="Error">The one-line error; null on success.</param>
/// <param name="Log">The log lines the build screen showed.</param>
internal sealed record BuildOutcome(BuildResult? Result, int ExitCode, string? Error, IReadOnlyList<string> Log);
