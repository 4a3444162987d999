namespace Boxer.Core.Sources;

/// <summary>
/// A verification ready to read the tarball: its sidecars' signatures already checked, the digests it must
/// match, the detached signature waiting for the bytes. Made by <see cref="StageVerifier.Prepare"/>, used once.
/// </summary>
public sealed record PreparedVerification
{
    /// <summary>The file name the digests list.</summary>
    public required string Name { get; init; }

    /// <summary>Whether verification is off.</summary>
    public bool Off { get; init; }

    /// <summary>Whether any sidecar was there.</summary>
    public bool HadSidecars { get; init; }

    /// <summary>The digests to match, each with the file that listed it.</summary>
    public IReadOnlyList<(DigestEntry Entry, string From)> Digests { get; init; } = [];

    /// <summary>The trusted signer of a clear-signed digests file, if one was.</summary>
    public string? DigestsSigner { get; init; }

    /// <summary>The detached signature, started and waiting for the bytes.</summary>
    public SignatureCheck? Detached { get; init; }

    /// <summary>The SHA-512 the digests promise, to find the tarball in the cache before downloading it.</summary>
    public string? ExpectedSha512 => Digests.FirstOrDefault(d => d.Entry.Algorithm == "SHA512").Entry?.Hex;
}
