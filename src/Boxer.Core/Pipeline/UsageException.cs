namespace Boxer.Core.Pipeline;

/// <summary>
/// The request itself is wrong (a missing or malformed option, a bad <c>SOURCE_DATE_EPOCH</c>): nothing was
/// read or written. The message is one line; the CLI exits with its usage code.
/// </summary>
/// <param name="message">What is wrong, naming the option.</param>
public sealed class UsageException(string message) : Exception(message);
