namespace Boxer.Abstractions.Testing;

/// <summary>What a command run by <see cref="IBootedImage.ExecAsync"/> returned.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Stdout">Its standard output.</param>
/// <param name="Stderr">Its standard error.</param>
public sealed record BootExecResult(int ExitCode, string Stdout, string Stderr);
