namespace Boxer.Core.Pipeline;

/// <summary>
/// A target that failed in a build that went on with the others (<see cref="BuildRequest.IsolateTargetFailures"/>):
/// its name and the error, for the face to report in its own words and exit code.
/// </summary>
/// <param name="Target">The target's name.</param>
/// <param name="Error">What went wrong: a <see cref="Abstractions.TargetException"/> or an I/O error.</param>
public sealed record TargetFailure(string Target, Exception Error);
