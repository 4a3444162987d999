using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Sources;

/// <summary>
/// Turns a <c>--stage</c> value into a checked file to import: a local file verified in place, a URL or a
/// <c>gentoo:</c> name downloaded into the <see cref="StageCache"/> and verified before it is kept. What comes
/// back has matched its digests (as <c>--verify</c> asks); nothing partial or unmatched is ever returned.
/// </summary>
public static class StageResolver
{
    /// <summary>Resolves <paramref name="stage"/>.</summary>
    /// <param name="stage">A path, an http(s) URL or a <c>gentoo:</c> name.</param>
    /// <param name="options">Mirror, verification, keys, cache.</param>
    /// <param name="progress">Receives the fetch and verify phases and the warnings.</param>
    /// <param name="cancellationToken">Cancels the resolution; a download stays resumable.</param>
    /// <exception cref="Pipeline.UsageException">A <c>gentoo:</c> name that does not parse, a bad mirror.</exception>
    /// <exception cref="StageException">Anything the stage, its source or its verification got wrong.</exception>
    /// <exception cref="IOException">The cache's disk is full.</exception>
    public static async Task<ResolvedStage> ResolveAsync(
        string stage, SourceOptions options, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        var reference = StageReference.Parse(stage);
        if (reference.Kind == StageReferenceKind.File)
        {
            return await LocalAsync(stage, options, progress, cancellationToken).ConfigureAwait(false);
        }
        using var remote = new RemoteStageResolver(options, progress);
        return reference.Kind == StageReferenceKind.Gentoo
            ? await remote.GentooAsync(reference.Gentoo!, cancellationToken).ConfigureAwait(false)
            : await remote.UrlAsync(reference.Url!, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ResolvedStage> LocalAsync(
        string path, SourceOptions options, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new StageException(Directory.Exists(path) ? $"{path}: is a directory, not a stage3 tarball" : $"{path}: no such file");
        }
        string name = Path.GetFileName(path);
        var verifier = new StageVerifier(options, progress);
        StageSidecars sidecars;
        try
        {
            sidecars = options.Verify == VerifyMode.Off ? StageSidecars.None : StageSidecars.Beside(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageException($"{path}: cannot read what lies beside it ({e.Message})", inner: e);
        }
        var prepared = verifier.Prepare(name, sidecars, signatureRequired: false);
        StageHashes hashes;
        string signer;
        try
        {
            (hashes, signer) = await verifier.CheckAsync(path, prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageException($"cannot read '{path}': {e.Message.Replace($" : '{path}'", "", StringComparison.Ordinal)}", inner: e);
        }
        var provenance = new StageProvenance { Source = Path.GetFullPath(path), Name = name, Size = hashes.Size, Sha512 = hashes.Sha512, Signer = signer };
        return new ResolvedStage(path, provenance, hashes.Sha256);
    }
}
