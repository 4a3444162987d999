using System.Security.Cryptography;

namespace Boxer.Targets.Lxd;

/// <summary>Digests of the written files and LXD's image fingerprint (one SHA-256 over all of them in order).</summary>
internal static class ImageHasher
{
    public static async Task<LxdImage> HashAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var single = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var digests = new List<string>();
        var buffer = new byte[1 << 20];
        foreach (var path in files)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    fingerprint.AppendData(buffer, 0, read);
                    single.AppendData(buffer, 0, read);
                }
            }
            digests.Add("sha256:" + Convert.ToHexStringLower(single.GetHashAndReset()));
        }
        return new LxdImage(files, digests, Convert.ToHexStringLower(fingerprint.GetHashAndReset()));
    }
}
