namespace Boxer.Core.Sources;

/// <summary>The stage cache's disk refused a write (full, over quota): a host problem, exit 4, never retried.</summary>
internal sealed class CacheFullException(string message, Exception inner) : IOException(message, inner);
