namespace Boxer.Core.Sources;

/// <summary>
/// What lies beside a tarball to vouch for it: its <c>.DIGESTS</c> (or older <c>.DIGESTS.asc</c>), its
/// <c>.sha256</c>, both possibly clear-signed, and its detached signature <c>.asc</c>. Each is null when absent;
/// the names (URLs or paths) are for messages.
/// </summary>
public sealed record StageSidecars
{
    /// <summary>No sidecar at all.</summary>
    public static readonly StageSidecars None = new();

    /// <summary>The DIGESTS text.</summary>
    public string? Digests { get; init; }

    /// <summary>Where the DIGESTS came from.</summary>
    public string DigestsName { get; init; } = "";

    /// <summary>The .sha256 text.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Where the .sha256 came from.</summary>
    public string Sha256Name { get; init; } = "";

    /// <summary>The detached signature's bytes (armored or binary).</summary>
    public byte[]? Signature { get; init; }

    /// <summary>Where the signature came from.</summary>
    public string SignatureName { get; init; } = "";

    /// <summary>Whether anything vouches for the tarball at all.</summary>
    public bool Any => Digests is not null || Sha256 is not null || Signature is not null;

    /// <summary>Whether something could carry a signature: a detached one, or clear-signed digests.</summary>
    public bool MaySign => Signature is not null
        || (Digests is { } d && ClearSignedMessage.IsClearSigned(d)) || (Sha256 is { } s && ClearSignedMessage.IsClearSigned(s));

    /// <summary>The suffixes that name the sidecars beside a tarball.</summary>
    public static readonly (string Digests, string OldDigests, string Sha256, string Signature) Suffixes =
        (".DIGESTS", ".DIGESTS.asc", ".sha256", ".asc");

    /// <summary>The sidecars lying beside a local file.</summary>
    public static StageSidecars Beside(string path)
    {
        string? digestsPath = new[] { path + Suffixes.Digests, path + Suffixes.OldDigests }.FirstOrDefault(File.Exists);
        return new StageSidecars
        {
            Digests = digestsPath is null ? null : File.ReadAllText(digestsPath),
            DigestsName = digestsPath ?? "",
            Sha256 = File.Exists(path + Suffixes.Sha256) ? File.ReadAllText(path + Suffixes.Sha256) : null,
            Sha256Name = path + Suffixes.Sha256,
            Signature = File.Exists(path + Suffixes.Signature) ? File.ReadAllBytes(path + Suffixes.Signature) : null,
            SignatureName = path + Suffixes.Signature,
        };
    }
}
