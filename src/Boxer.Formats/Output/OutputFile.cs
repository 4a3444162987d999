using Boxer.Abstractions;

namespace Boxer.Formats.Output;

/// <summary>
/// One output file written as a transaction, so that a reader never sees a partial file and a build never
/// destroys what its output path names:
/// <list type="number">
/// <item><see cref="Create"/> checks the destination before any work: nothing there, or (with force) a regular
/// file. A directory, symlink, device, FIFO or socket is refused; so is an existing file without force.</item>
/// <item>It sweeps stale temporary files of earlier, killed builds from the destination's directory
/// (<see cref="SweepStale"/>), then creates this build's own temporary file there, named
/// <c>.NAME.boxer-PID-RANDOM.tmp</c> and held under an advisory lock while the build lives.</item>
/// <item><see cref="Commit"/> flushes to disk, checks the destination again and renames the temporary file
/// over it; <see cref="Dispose"/> without a commit deletes the temporary file.</item>
/// </list>
/// Failures are <see cref="TargetException"/>s with one line naming the user's path, never the hidden file.
/// Only SIGKILL (or a power cut) can leave the temporary file behind; the next build into that directory
/// removes it.
/// </summary>
/// <example>
/// <code>
/// using var output = OutputFile.Create("sif", path, force);
/// await writer.WriteAsync(output.Stream, cancellationToken);
/// output.Commit(UnixFileMode.UserRead | UnixFileMode.UserWrite);
/// </code>
/// </example>
public sealed partial class OutputFile : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly string _target;
    private readonly bool _force;
    private readonly bool _scratch;
    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    private OutputFile(string target, string path, bool force, string tempPath, FileStream stream, bool scratch = false)
    {
        _target = target;
        _force = force;
        _scratch = scratch;
        Path = path;
        TempPath = tempPath;
        _stream = stream;
    }

    /// <summary>The destination the user named (absolute).</summary>
    public string Path { get; }

    /// <summary>The hidden temporary file beside <see cref="Path"/> that receives the bytes.</summary>
    public string TempPath { get; }

    /// <summary>
    /// The open temporary file (readable, writable, seekable). Write through it; do not dispose it (wrap it
    /// with <c>leaveOpen: true</c>): <see cref="Commit"/> and <see cref="Dispose"/> close it.
    /// </summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Checks <paramref name="path"/>, sweeps stale temporary files beside it and opens this build's temporary file.
    /// </summary>
    /// <param name="target">The target's name, for the <see cref="TargetException"/>s this type throws.</param>
    /// <param name="path">The output path; made absolute against the current directory.</param>
    /// <param name="force">Whether an existing regular file may be replaced.</param>
    /// <exception cref="TargetException">The destination is refused, or the temporary file cannot be created.</exception>
    public static OutputFile Create(string target, string path, bool force)
    {
        path = System.IO.Path.GetFullPath(path);
        CheckDestination(target, path, force);
        return Open(target, path, force, scratch: false);
    }

    /// <summary>
    /// A temporary file of the same scheme (pid in the name, locked, swept when stale) that is never committed:
    /// scratch space a build reads back and then drops, such as a layer blob whose digest must be known first.
    /// </summary>
    /// <param name="target">The target's name, for the exceptions.</param>
    /// <param name="directory">Where to create it; the output's directory keeps it on the output's disk.</param>
    /// <param name="label">A short word for the file name, e.g. <c>layer</c>.</param>
    /// <param name="reportAs">The path failures name (the user's output it serves); null names the scratch file.</param>
    /// <returns>The open scratch file; <see cref="Commit"/> is not allowed, <see cref="Dispose"/> deletes it.</returns>
    /// <exception cref="TargetException">The file cannot be created.</exception>
    public static OutputFile CreateScratch(string target, string directory, string label, string? reportAs = null)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), $"boxer-{label}");
        return Open(target, path, force: false, scratch: true, reportAs ?? path);
    }

    private static OutputFile Open(string target, string path, bool force, bool scratch, string? reportAs = null)
    {
        string directory = System.IO.Path.GetDirectoryName(path)!;
        SweepStale(directory);
        string temp = System.IO.Path.Combine(directory, TempName(System.IO.Path.GetFileName(path)));
        try
        {
            // FileShare.Read makes .NET take a shared flock(2) on the file: the lock SweepStale tests for.
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, BufferSize, FileOptions.Asynchronous);
            return new OutputFile(target, path, force, temp, stream, scratch);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Failure(target, reportAs ?? path, error);
        }
    }

    /// <summary>
    /// Refuses, before any work, an output path that names anything but nothing or a regular file, or an
    /// existing regular file without <paramref name="force"/>, or a directory that does not exist.
    /// </summary>
    /// <param name="target">The target's name, for the exception.</param>
    /// <param name="path">The absolute output path.</param>
    /// <param name="force">Whether an existing regular file may be replaced.</param>
    /// <exception cref="TargetException">One line naming <paramref name="path"/> and what is wrong.</exception>
    public static void CheckDestination(string target, string path, bool force)
    {
        if (Refusal(path, force) is { } problem)
        {
            throw new TargetException(target, problem) { Artifact = path };
        }
    }

    /// <summary>
    /// What <see cref="CheckDestination"/> would refuse about the entry at <paramref name="path"/> itself
    /// (not a regular file; exists without force), as one line, or null: for a target's
    /// <see cref="ITarget.Validate"/>, so that such a path is refused before the stage3 is even read. A missing
    /// or unwritable directory is left to the build, where it is an I/O failure like a full disk.
    /// </summary>
    /// <param name="path">The output path; made absolute against the current directory.</param>
    /// <param name="force">Whether an existing regular file may be replaced.</param>
    /// <returns>The problem, or null.</returns>
    public static string? Problem(string path, bool force) => EntryRefusal(System.IO.Path.GetFullPath(path), force);

    /// <summary>
    /// Finishes the file: flushes it to disk, sets <paramref name="mode"/> if given, checks the destination
    /// again (something may have appeared there during the build) and renames the temporary file over it.
    /// </summary>
    /// <param name="mode">The file's permissions; null keeps the default (0666 less the umask).</param>
    /// <exception cref="TargetException">The flush, the check or the rename failed; the temporary file is gone.</exception>
    public void Commit(UnixFileMode? mode = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed || _scratch)
        {
            throw new InvalidOperationException(_scratch ? "a scratch file is never committed" : "the output file is already committed");
        }
        try
        {
            _stream.Flush(flushToDisk: true);
            if (mode is { } permissions && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_stream.SafeFileHandle, permissions);
            }
            CheckDestination(_target, Path, _force);
            // Without force, a file that appeared since the check must not be replaced: move without
            // overwrite fails instead (link(2) on Unix), so the check and the rename cannot race.
            File.Move(TempPath, Path, overwrite: _force);
            _committed = true;
        }
        catch (IOException error) when (!_force && File.Exists(Path))
        {
            throw new TargetException(_target, $"{Path} appeared during the build; use --force to overwrite it", error) { Artifact = Path };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Failure(_target, Path, error);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Closes the temporary file and, unless committed, deletes it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_committed)
        {
            // Deleted while still open and locked, so no sweep can take it for a stale file in between.
            TryDelete(TempPath);
        }
        try
        {
            _stream.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a failed final flush of an abandoned file changes nothing the user needs to know
        }
    }
}
