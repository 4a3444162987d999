using Boxer.Core.Pipeline;
using Boxer.Formats.Output;

namespace Boxer.Host.Cli;

/// <summary>
/// Checks of the files the command line names, before anything reads them: an empty value is a usage
/// error, and so is a FIFO, device or socket where boxer needs a regular file (it seeks in a stage3 and
/// opens it twice; /dev/zero as a recipe would be read until memory runs out).
/// </summary>
internal static class InputPaths
{
    /// <summary>Refuses an empty <paramref name="value"/>, or one naming an existing entry that is not a regular file.</summary>
    /// <exception cref="UsageException">The value is empty or names a FIFO, device or socket.</exception>
    public static string Check(string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"{option} needs a value");
        }
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException($"{option}: the path contains a NUL character");
        }
        // Followed through symlinks (/dev/stdin is one to a pipe). Directories and missing files are left to
        // the readers, which say so in their own words.
        if (UnixEntryKind.Describe(value, followLinks: true) is { } kind and not "a directory")
        {
            throw new UsageException($"{option} {value}: is {kind}; give a regular file");
        }
        return value;
    }
}
