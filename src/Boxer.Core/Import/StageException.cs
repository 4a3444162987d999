namespace Boxer.Core.Import;

/// <summary>The stage3 cannot be used. The message is one line naming the problem, the entry and the byte offset.</summary>
public sealed class StageException(string message, string? entryPath = null, long? offset = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? EntryPath { get; } = entryPath;

    /// <summary>The offset in the uncompressed tar stream of the header at fault.</summary>
    public long? Offset { get; } = offset;
}
