using Boxer.Abstractions;

namespace Boxer.Core.Import;

/// <summary>Reads a stage3 tarball (any supported compression) into an in-memory tree.</summary>
public static class StageImporter
{
    /// <summary>
    /// Imports <paramref name="path"/>: sniffs the compression from magic bytes, parses the tar stream,
    /// spools file content to one temp file and detects the stage facts.
    /// </summary>
    /// <exception cref="StageException">The input is not a usable stage3; the message is one line.</exception>
    public static Task<ImportedStage> ImportAsync(
        string path, ImportOptions? options = null, IProgress<BuildEvent>? progress = null,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("stage import lands with the foundation issue");
}
