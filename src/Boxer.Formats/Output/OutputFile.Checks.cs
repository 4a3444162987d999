using Boxer.Abstractions;

namespace Boxer.Formats.Output;

/// <summary>What a destination may be, and errno values turned into one line naming the user's path.</summary>
public sealed partial class OutputFile
{
    private const int ErrorNoEntry = 2;
    private const int ErrorDiskFull = 28;
    private const int ErrorReadOnly = 30;
    private const int ErrorQuota = 122;

    private static string? Refusal(string path, bool force)
    {
        string directory = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            return File.Exists(directory)
                ? $"cannot write {path}: {directory} is not a directory"
                : $"cannot write {path}: directory {directory} does not exist";
        }
        return EntryRefusal(path, force);
    }

    private static string? EntryRefusal(string path, bool force)
    {
        FileSystemInfo existing = new FileInfo(path);
        if (!existing.Exists && Directory.Exists(path))
        {
            existing = new DirectoryInfo(path);
        }
        // FileInfo describes the entry itself, not what a symlink points to (lstat), as the rename replaces the entry.
        if (!existing.Exists && existing.LinkTarget is null)
        {
            return null;
        }
        string? kind = Kind(existing);
        if (kind is not null)
        {
            return $"refusing to replace {path}: it is {kind}, not a regular file";
        }
        return force ? null : $"{path} already exists; use --force to overwrite it";
    }

    /// <summary>What the entry is when it is not a regular file, or null.</summary>
    private static string? Kind(FileSystemInfo entry)
    {
        if (entry.LinkTarget is not null)
        {
            return "a symbolic link";
        }
        if (entry is DirectoryInfo || entry.Attributes.HasFlag(FileAttributes.Directory))
        {
            return "a directory";
        }
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        // Devices, FIFOs and sockets carry no attribute of their own in .NET, so ask the kernel.
        return UnixEntryKind.Describe(entry.FullName);
    }

    /// <summary>The exception for a failed write, rename or create: one line naming <paramref name="path"/>.</summary>
    /// <param name="target">The target's name.</param>
    /// <param name="path">The user's output path (not the temporary file).</param>
    /// <param name="error">The I/O error.</param>
    /// <returns>The exception to throw.</returns>
    public static TargetException Failure(string target, string path, Exception error)
    {
        string directory = System.IO.Path.GetDirectoryName(path)!;
        string message = error switch
        {
            UnauthorizedAccessException => $"cannot write {path}: permission denied in {directory}",
            IOException io when Errno(io) is ErrorDiskFull or ErrorQuota => $"no space left on the device while writing {path}",
            IOException io when Errno(io) == ErrorReadOnly => $"cannot write {path}: {directory} is on a read-only file system",
            IOException io when Errno(io) == ErrorNoEntry || error is DirectoryNotFoundException =>
                $"cannot write {path}: directory {directory} does not exist",
            // .NET quotes the file it failed on, which is the hidden temporary file; the user named the output.
            _ => $"cannot write {path}: {QuotedPath().Replace(error.Message, $"'{path}'")}",
        };
        return new TargetException(target, message, error) { Artifact = path };
    }

    /// <summary>.NET puts errno in the low 16 bits of an <see cref="IOException"/>'s HResult on Unix.</summary>
    private static int Errno(IOException error) => error.HResult & 0xFFFF;

    [System.Text.RegularExpressions.GeneratedRegex("'/[^']*'")]
    private static partial System.Text.RegularExpressions.Regex QuotedPath();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the original error is the one to report
        }
    }
}
