using System.Security.Cryptography;
using Boxer.Abstractions;
using Boxer.Formats.Events;
using Org.BouncyCastle.Crypto.Digests;

namespace Boxer.Core.Sources;

/// <summary>
/// The digests of a tarball, computed in one read (with any detached signature fed the same bytes):
/// SHA-512 and BLAKE2b-512 as Gentoo's DIGESTS list them, SHA-256 as <c>.sha256</c> files and the importer use.
/// </summary>
public sealed record StageHashes(long Size, string Sha512, string Sha256, string Blake2b)
{
    private const int BufferSize = 1 << 20;

    /// <summary>The digest of an algorithm as digests files name it (<c>SHA512</c>, <c>BLAKE2B</c>, <c>SHA256</c>), or null.</summary>
    public string? Of(string algorithm) => algorithm switch
    {
        "SHA512" => Sha512,
        "SHA256" => Sha256,
        "BLAKE2B" => Blake2b,
        _ => null,
    };

    /// <summary>Reads <paramref name="path"/> once, reporting the phase <c>stage:verify</c>.</summary>
    /// <param name="path">The tarball.</param>
    /// <param name="signatures">Detached signatures to feed the same bytes.</param>
    /// <param name="progress">Receives the phase.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<StageHashes> ComputeAsync(
        string path, IReadOnlyList<SignatureCheck> signatures, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var blake2b = new Blake2bDigest(512);
        var buffer = new byte[BufferSize];
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            long done = 0;
            // The phase starts after the first read: a file that cannot be read is one error line, not a phase that never ends.
            int read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            var phase = PhaseReporter.Start(progress, "stage:verify", file.Length);
            while (read > 0)
            {
                sha512.AppendData(buffer, 0, read);
                sha256.AppendData(buffer, 0, read);
                blake2b.BlockUpdate(buffer, 0, read);
                foreach (var signature in signatures)
                {
                    signature.Update(buffer, 0, read);
                }
                phase.Report(done += read);
                read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            var blake = new byte[blake2b.GetDigestSize()];
            blake2b.DoFinal(blake, 0);
            phase.Complete();
            return new StageHashes(done, Convert.ToHexStringLower(sha512.GetHashAndReset()),
                Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(blake));
        }
    }
}
