using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Sources;

namespace Boxer.Core.Pipeline;

public static partial class BuildPipeline
{
    /// <summary>
    /// Resolves the stage (a local file verified in place; a URL or <c>gentoo:</c> name fetched into the cache
    /// and verified there), then imports the checked file and records where it came from in
    /// <see cref="StageInfo.Provenance"/>.
    /// </summary>
    /// <param name="stage">A path, an http(s) URL or a <c>gentoo:</c> name.</param>
    /// <param name="options">How to import it.</param>
    /// <param name="sources">How to resolve and verify it; null for <see cref="SourceOptions.FromEnvironment"/>.</param>
    /// <param name="progress">Receives the fetch, verify and import phases.</param>
    /// <param name="cancellationToken">Cancels the whole.</param>
    /// <exception cref="UsageException">A <c>gentoo:</c> name that does not parse.</exception>
    /// <exception cref="StageException">The stage is missing, unusable or failed its verification.</exception>
    public static async Task<ImportedStage> ImportAsync(
        string stage, ImportOptions? options, SourceOptions? sources, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var resolved = await StageResolver.ResolveAsync(stage, sources ?? SourceOptions.FromEnvironment(), progress, cancellationToken)
            .ConfigureAwait(false);
        var imported = await ImportFileAsync(resolved.Path, options, progress, cancellationToken).ConfigureAwait(false);
        if (imported.Stage.SourceSha256 != resolved.Sha256)
        {
            // The bytes imported are not the bytes verified: the file changed in between.
            imported.Dispose();
            throw new StageException($"{resolved.Path}: changed while boxer read it (its digest differs from the one verified)");
        }
        return imported.WithProvenance(resolved.Provenance);
    }
}
