namespace Boxer.Core.Tree;

/// <summary>
/// The disk holding the import spool (TMPDIR) is full. Not an <see cref="IOException"/> on purpose: the
/// importer turns I/O errors into "bad stage3" (exit 3), and this is the machine's problem (exit 4).
/// </summary>
public sealed class SpoolFullException(string directory, Exception? innerException = null, long? needed = null, long? free = null)
    : Exception(needed is { } n
        ? $"the import spool needs up to {n} bytes in {directory} for the stage3's unpacked content, and {free} are free; free space there or set TMPDIR to a larger disk"
        : $"no space left in {directory} for the import spool, which holds the stage3's unpacked content; free space there or set TMPDIR to a larger disk", innerException)
{
    /// <summary>Where the spool was.</summary>
    public string Directory { get; } = directory;
}
