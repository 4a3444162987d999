namespace Boxer.Core.Sources;

/// <summary>A download failed in a way a later attempt may not (timeout, reset, 5xx, a short body); the message is final if no attempt is left.</summary>
internal sealed class TransientFetchException(string message, Exception? inner = null) : Exception(message, inner);
