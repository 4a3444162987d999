namespace Boxer.Formats.Squashfs;

/// <summary>A squashfs image cannot be written from the given tree, or a read image is malformed.</summary>
/// <param name="message">One line saying what and, when known, which entry.</param>
/// <param name="innerException">The underlying error, if any.</param>
public sealed class SquashfsException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The path of the entry concerned, when there is one.</summary>
    public string? EntryPath { get; init; }
}
