using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>
/// Writes one output file the safe way: into a hidden temporary file beside it, renamed into place only when
/// complete, and removed on any failure or cancellation, so a reader never sees a partial image.
/// </summary>
internal static class OutputFile
{
    private const int ErrorDiskFull = 28;
    private const int ErrorReadOnly = 30;

    /// <summary>Writes one file: temporary name, then renamed into place.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        Commit([(await WriteTempAsync(path, write, cancellationToken).ConfigureAwait(false), path)]);

    /// <summary>
    /// Writes the content for <paramref name="path"/> into a temporary file beside it and returns that file's
    /// path; on failure the temporary file is removed and the error is one line naming <paramref name="path"/>.
    /// </summary>
    public static async Task<string> WriteTempAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            return temp;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Failure(path, error);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Renames finished temporary files into place (an image's files appear together, at the end). When one
    /// rename fails, the files this call already placed are removed too: half an image is no image.
    /// </summary>
    public static void Commit(IReadOnlyList<(string Temp, string Path)> files)
    {
        var placed = new List<string>();
        foreach (var (temp, path) in files)
        {
            try
            {
                File.Move(temp, path, overwrite: true);
                placed.Add(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Discard(files.Select(f => f.Temp).Concat(placed));
                throw Failure(path, error);
            }
        }
    }

    /// <summary>Removes temporary files of a build that failed or was cancelled.</summary>
    public static void Discard(IEnumerable<string> temps)
    {
        foreach (var temp in temps)
        {
            TryDelete(temp);
        }
    }

    /// <summary>Refuses a missing output directory up front, before minutes of work.</summary>
    public static void CheckDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new TargetException(LxdTarget.TargetName, $"output directory {directory} does not exist") { Artifact = directory };
        }
    }

    private static TargetException Failure(string path, Exception error)
    {
        var directory = Path.GetDirectoryName(path);
        var message = error switch
        {
            UnauthorizedAccessException => $"cannot write {path}: permission denied in {directory}",
            IOException io when (io.HResult & 0xFFFF) == ErrorDiskFull => $"no space left on the device while writing {path}",
            IOException io when (io.HResult & 0xFFFF) == ErrorReadOnly => $"cannot write {path}: {directory} is on a read-only file system",
            _ => $"cannot write {path}: {error.Message}",
        };
        return new TargetException(LxdTarget.TargetName, message, error) { Artifact = path };
    }

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
