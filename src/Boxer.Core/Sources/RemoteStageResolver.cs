using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Sources;

/// <summary>
/// The downloading half of <see cref="StageResolver"/>: a <c>gentoo:</c> name through the mirror's layout
/// (<c>releases/&lt;dir&gt;/autobuilds/latest-stage3-&lt;arch&gt;-&lt;flavour&gt;.txt</c>, the tarball and its sidecars
/// beside it), or a plain URL with whatever sidecars lie at the same URL plus their suffix.
/// </summary>
internal sealed class RemoteStageResolver(SourceOptions options, IProgress<BuildEvent> progress) : IDisposable
{
    private readonly HttpFetcher _http = new(options);
    private readonly StageCache _cache = new(options.CacheDirectory);
    private readonly StageVerifier _verifier = new(options, progress);

    public async Task<ResolvedStage> GentooAsync(GentooStageName name, CancellationToken cancellationToken)
    {
        var mirror = MirrorSettings.Resolve(options);
        var directory = new Uri($"{mirror.AbsoluteUri.TrimEnd('/')}/releases/{name.Directory}/autobuilds/");
        string key = $"gentoo:{directory.AbsoluteUri}|{name}";
        if (await CachedAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }
        string relative;
        long? size = null;
        if (name.Timestamp is { } timestamp)
        {
            relative = $"{timestamp}/stage3-{name.Stem}-{timestamp}.tar.xz";
        }
        else
        {
            var latestUrl = new Uri(directory, $"latest-stage3-{name.Stem}.txt");
            string text = (await _http.GetTextAsync(latestUrl, optional: false, cancellationToken).ConfigureAwait(false))!;
            var latest = LatestStageFile.Parse(_verifier.OpenSigned(text, latestUrl.AbsoluteUri), latestUrl.AbsoluteUri);
            (relative, size) = (latest.RelativePath, latest.Size);
        }
        var tarball = new Uri(directory, relative);
        var sidecars = await SidecarsAsync(tarball, digestsRequired: true, cancellationToken).ConfigureAwait(false);
        return await FetchAsync(tarball, FileNameOf(tarball), size, sidecars, signatureRequired: true, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResolvedStage> UrlAsync(Uri url, CancellationToken cancellationToken)
    {
        string key = $"url:{url.AbsoluteUri}";
        if (await CachedAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }
        var sidecars = await SidecarsAsync(url, digestsRequired: false, cancellationToken).ConfigureAwait(false);
        return await FetchAsync(url, FileNameOf(url), null, sidecars, signatureRequired: false, key, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>What the cache remembers for <paramref name="key"/>, re-hashed before use; null to ask the mirror.</summary>
    private async Task<ResolvedStage?> CachedAsync(string key, CancellationToken cancellationToken)
    {
        if (options.Refresh || options.Verify == VerifyMode.Off || _cache.ReadRef(key) is not { } known
            || (options.Verify == VerifyMode.Require && !known.IsVerified) || _cache.Find(known.Sha512, known.Name) is not { } path)
        {
            return null;
        }
        var hashes = await StageHashes.ComputeAsync(path, [], progress, cancellationToken).ConfigureAwait(false);
        if (hashes.Sha512 != known.Sha512)
        {
            // Damaged on disk since it was verified: forget it and fetch it again.
            File.Delete(path);
            return null;
        }
        if (!known.IsVerified)
        {
            _verifier.WarnUnverified(known.Name);
        }
        return new ResolvedStage(path, known, hashes.Sha256);
    }

    private async Task<StageSidecars> SidecarsAsync(Uri tarball, bool digestsRequired, CancellationToken cancellationToken)
    {
        if (options.Verify == VerifyMode.Off)
        {
            return StageSidecars.None;
        }
        var suffix = StageSidecars.Suffixes;
        var digestsUrl = With(tarball, suffix.Digests);
        string? digests = await _http.GetTextAsync(digestsUrl, optional: true, cancellationToken).ConfigureAwait(false);
        if (digests is null)
        {
            // Older autobuilds have only the clear-signed .DIGESTS.asc.
            digestsUrl = With(tarball, suffix.OldDigests);
            digests = await _http.GetTextAsync(digestsUrl, optional: !digestsRequired, cancellationToken).ConfigureAwait(false);
        }
        return new StageSidecars
        {
            Digests = digests,
            DigestsName = digestsUrl.AbsoluteUri,
            Sha256 = await _http.GetTextAsync(With(tarball, suffix.Sha256), optional: true, cancellationToken).ConfigureAwait(false),
            Sha256Name = With(tarball, suffix.Sha256).AbsoluteUri,
            Signature = await _http.GetBytesAsync(With(tarball, suffix.Signature), optional: true, cancellationToken).ConfigureAwait(false),
            SignatureName = With(tarball, suffix.Signature).AbsoluteUri,
        };
    }

    /// <summary>
    /// The tarball from the cache when the digests name one it holds, else downloaded into a <c>.part</c>,
    /// verified, and only then moved into the cache. A part that failed its check is removed; one that was
    /// cut short stays for the next run to resume. A mismatch after a resume gets one fresh download.
    /// </summary>
    private async Task<ResolvedStage> FetchAsync(
        Uri url, string name, long? size, StageSidecars sidecars, bool signatureRequired, string key, CancellationToken cancellationToken)
    {
        var prepared = _verifier.Prepare(name, sidecars, signatureRequired);
        if (prepared.ExpectedSha512 is { } expected && _cache.Find(expected, name) is { } held)
        {
            var (heldHashes, heldSigner) = await _verifier.CheckAsync(held, prepared, cancellationToken).ConfigureAwait(false);
            return Remember(key, new ResolvedStage(held, Provenance(url, name, heldHashes, heldSigner), heldHashes.Sha256));
        }
        string part = _cache.PartFor(url, name);
        bool resumed = await _http.DownloadAsync(url, part, size, progress, cancellationToken).ConfigureAwait(false);
        StageHashes hashes;
        string signer;
        try
        {
            (hashes, signer) = await _verifier.CheckAsync(part, prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (StageException) when (resumed)
        {
            File.Delete(part);
            prepared = _verifier.Prepare(name, sidecars, signatureRequired);
            await _http.DownloadAsync(url, part, size, progress, cancellationToken).ConfigureAwait(false);
            (hashes, signer) = await CheckOrDiscardAsync(part, prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (StageException)
        {
            File.Delete(part);
            throw;
        }
        string path = _cache.Store(part, hashes.Sha512, name);
        return Remember(key, new ResolvedStage(path, Provenance(url, name, hashes, signer), hashes.Sha256));
    }

    private async Task<(StageHashes, string)> CheckOrDiscardAsync(string part, PreparedVerification prepared, CancellationToken cancellationToken)
    {
        try
        {
            return await _verifier.CheckAsync(part, prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (StageException)
        {
            File.Delete(part);
            throw;
        }
    }

    private ResolvedStage Remember(string key, ResolvedStage stage)
    {
        // Under --verify off nothing was checked: the name must be resolved and verified afresh next time.
        if (options.Verify != VerifyMode.Off)
        {
            _cache.WriteRef(key, stage.Provenance);
        }
        return stage;
    }

    private static StageProvenance Provenance(Uri url, string name, StageHashes hashes, string signer) =>
        new() { Source = url.AbsoluteUri, Name = name, Size = hashes.Size, Sha512 = hashes.Sha512, Signer = signer };

    private static Uri With(Uri url, string suffix) => new(url.AbsoluteUri + suffix);

    /// <summary>The URL's last path segment, made safe as a file name (it names the cached file and the stage).</summary>
    private static string FileNameOf(Uri url)
    {
        string last = Uri.UnescapeDataString(url.Segments[^1]).Trim('/');
        var safe = new string([.. last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+' or '@' ? c : '_')]);
        return safe.Trim('.').Length == 0 ? "stage3.tar" : safe;
    }
}
