using Boxer.Abstractions;
using Boxer.Formats.Output;

namespace Boxer.Targets.Lxd;

/// <summary>
/// The files of one image, each written through Boxer.Formats' <see cref="OutputFile"/> (a locked temporary
/// file beside it, removed on failure or cancellation) and renamed into place together at the end: a reader
/// never sees half an image. Every destination is checked before any work.
/// </summary>
internal sealed class ImageFiles : IDisposable
{
    private readonly List<OutputFile> _files = [];
    private readonly bool _force;

    /// <summary>Checks the directory and every destination (nothing there, or a regular file and <paramref name="force"/>).</summary>
    public ImageFiles(string directory, IEnumerable<string> names, bool force)
    {
        if (!Directory.Exists(directory))
        {
            throw new TargetException(LxdTarget.TargetName, $"output directory {directory} does not exist") { Artifact = directory };
        }
        foreach (string name in names)
        {
            OutputFile.CheckDestination(LxdTarget.TargetName, Path.Combine(directory, name), force);
        }
        _force = force;
    }

    /// <summary>Writes one file's content into its temporary file; a failure is one line naming <paramref name="path"/>.</summary>
    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var file = OutputFile.Create(LxdTarget.TargetName, path, _force);
        _files.Add(file);
        try
        {
            await write(file.Stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw OutputFile.Failure(LxdTarget.TargetName, path, error);
        }
    }

    /// <summary>
    /// Renames every written file into place. When one rename fails, the files already placed are removed
    /// too: half an image is no image.
    /// </summary>
    public void Commit()
    {
        var placed = new List<string>();
        try
        {
            foreach (var file in _files)
            {
                file.Commit();
                placed.Add(file.Path);
            }
        }
        catch (TargetException)
        {
            placed.ForEach(File.Delete);
            throw;
        }
    }

    /// <summary>Removes the temporary files of anything not committed.</summary>
    public void Dispose() => _files.ForEach(f => f.Dispose());
}
