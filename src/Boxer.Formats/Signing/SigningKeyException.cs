namespace Boxer.Formats.Signing;

/// <summary>
/// A signing key or keyring cannot be used: unreadable, of the wrong kind, or locked with another passphrase.
/// The message is one line that names the file, never the key material or the passphrase.
/// </summary>
/// <param name="message">One line saying what is wrong.</param>
/// <param name="innerException">The underlying error (its text may be shown with --verbose; it never holds key bytes).</param>
public sealed class SigningKeyException(string message, Exception? innerException = null) : Exception(message, innerException);
