using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Sources;

/// <summary>
/// Checks a tarball against its <see cref="StageSidecars"/> as <c>--verify</c> says: every signature present
/// must be valid and made by a trusted key, every digests file present must name the file and match it.
/// <see cref="Prepare"/> does what needs no tarball (so a bad DIGESTS refuses before a download);
/// <see cref="CheckAsync"/> reads it once. Refusals are <see cref="StageException"/>s.
/// </summary>
public sealed class StageVerifier(SourceOptions options, IProgress<BuildEvent> progress)
{
    private TrustedKeys? _keys;

    /// <summary>Checks the sidecars themselves.</summary>
    /// <param name="name">The file name digests files list the tarball under.</param>
    /// <param name="sidecars">What vouches for it.</param>
    /// <param name="signatureRequired">A fetched autobuild: a trusted signature is required even under <c>auto</c>.</param>
    public PreparedVerification Prepare(string name, StageSidecars sidecars, bool signatureRequired)
    {
        if (options.Verify == VerifyMode.Off)
        {
            return new PreparedVerification { Name = name, Off = true };
        }
        if ((signatureRequired || options.Verify == VerifyMode.Require) && !sidecars.MaySign)
        {
            string mode = signatureRequired && options.Verify == VerifyMode.Auto ? "a fetched stage needs" : "--verify require needs";
            throw new StageException(sidecars.Any
                ? $"{name}: nothing signed its digests, and {mode} a trusted signature"
                : $"{name}: no .DIGESTS, .asc or .sha256 to verify it with, and {mode} a trusted signature");
        }
        string? signer = null;
        var digests = new List<(DigestEntry, string)>();
        if (sidecars.Digests is { } text)
        {
            digests.AddRange(Named(Open(text, sidecars.DigestsName, ref signer), sidecars.DigestsName, name, null));
        }
        if (sidecars.Sha256 is { } sha256)
        {
            digests.AddRange(Named(Open(sha256, sidecars.Sha256Name, ref signer), sidecars.Sha256Name, name, "SHA256"));
        }
        return new PreparedVerification
        {
            Name = name,
            HadSidecars = sidecars.Any,
            Digests = digests,
            DigestsSigner = signer,
            Detached = sidecars.Signature is { } signature ? SignatureCheck.Start(signature, Keys(), sidecars.SignatureName) : null,
        };
    }

    /// <summary>Reads <paramref name="path"/> once: its digests, the digests it must match, the detached signature.</summary>
    /// <returns>The digests and the signer, or <see cref="StageProvenance.Unverified"/> (with one warning).</returns>
    public async Task<(StageHashes Hashes, string Signer)> CheckAsync(string path, PreparedVerification prepared, CancellationToken cancellationToken)
    {
        var name = prepared.Name;
        var detached = prepared.Detached;
        var hashes = await StageHashes.ComputeAsync(path, detached is null ? [] : [detached], progress, cancellationToken).ConfigureAwait(false);
        if (prepared.Off)
        {
            Warn($"{name}: not verified (--verify off)");
            return (hashes, StageProvenance.Unverified);
        }
        foreach (var (entry, from) in prepared.Digests)
        {
            if (hashes.Of(entry.Algorithm) != entry.Hex)
            {
                throw new StageException($"{name}: {entry.Algorithm} digest mismatch: {from} expects {entry.Hex}, the file has {hashes.Of(entry.Algorithm)}");
            }
        }
        detached?.Finish();
        var signer = detached?.Signer ?? prepared.DigestsSigner;
        if (signer is null)
        {
            Warn(prepared.HadSidecars
                ? $"{name}: its digests match, but nothing signed them; recorded as unverified"
                : $"{name}: no .DIGESTS, .asc or .sha256 beside it; building it unverified");
        }
        return (hashes, signer ?? StageProvenance.Unverified);
    }

    /// <summary>The warning for a stage reused from the cache that was recorded unverified.</summary>
    public void WarnUnverified(string name) => Warn($"{name}: recorded as unverified when it was fetched");

    private string Open(string text, string from, ref string? signer)
    {
        if (!ClearSignedMessage.IsClearSigned(text))
        {
            return text;
        }
        var (content, by) = SignatureCheck.VerifyClearSigned(text, Keys(), from);
        signer ??= by;
        return content;
    }

    /// <summary>Opens a clear-signed text (checking its signature unless verification is off), or returns plain text as it is.</summary>
    public string OpenSigned(string text, string from)
    {
        if (!ClearSignedMessage.IsClearSigned(text))
        {
            return text;
        }
        return options.Verify == VerifyMode.Off
            ? ClearSignedMessage.Parse(text, from).Text
            : SignatureCheck.VerifyClearSigned(text, Keys(), from).Text;
    }

    private static IEnumerable<(DigestEntry, string)> Named(string text, string from, string name, string? defaultAlgorithm)
    {
        var entries = DigestsFile.Parse(text, defaultAlgorithm).For(name);
        return entries.Count > 0
            ? entries.Select(e => (e, from))
            : throw new StageException($"{from}: names no digest of {name}");
    }

    private TrustedKeys Keys() => _keys ??= TrustedKeys.Load(options);

    private void Warn(string message) => progress.Report(new LogMessage(BuildLogLevel.Warning, message, "stage"));
}
