namespace Boxer.Abstractions;

/// <summary>
/// A target could not produce its artifact for a reason the user can act on (engine not running, registry
/// refused the credentials, output exists, disk full). The message is shown as one line, without a stack trace.
/// </summary>
public class TargetException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="message">One line saying what went wrong and, where possible, what to do.</param>
    /// <param name="innerException">The underlying error, shown with <c>--verbose</c>.</param>
    public TargetException(string target, string message, Exception? innerException = null)
        : base(message, innerException) => Target = target;

    /// <summary>The target that failed.</summary>
    public string Target { get; }

    /// <summary>The artifact being produced when it failed (a path or reference), if any.</summary>
    public string? Artifact { get; init; }
}
