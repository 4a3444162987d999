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

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
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
            File.Move(temp, path, overwrite: true);
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
