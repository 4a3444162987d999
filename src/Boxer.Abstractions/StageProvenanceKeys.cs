namespace Boxer.Abstractions;

/// <summary>
/// The keys under which every output records its <see cref="StageProvenance"/>: the one place targets take
/// them from, so a Docker label, a SIF label and an LXD property of the same fact are spelled alike.
/// </summary>
public static class StageProvenanceKeys
{
    /// <summary>The prefix of every key.</summary>
    public const string Prefix = "io.boxer.stage3.";

    /// <summary>The tarball's URL, or its path for a local file (<see cref="StageProvenance.Source"/>).</summary>
    public const string Source = Prefix + "source";

    /// <summary>The tarball's file name (<see cref="StageProvenance.Name"/>).</summary>
    public const string Name = Prefix + "name";

    /// <summary>The tarball's size in bytes, decimal (<see cref="StageProvenance.Size"/>).</summary>
    public const string Size = Prefix + "size";

    /// <summary>The tarball's SHA-512, lowercase hex (<see cref="StageProvenance.Sha512"/>).</summary>
    public const string Sha512 = Prefix + "sha512";

    /// <summary>The signing key's fingerprint, or <c>unverified</c> (<see cref="StageProvenance.Signer"/>).</summary>
    public const string Signer = Prefix + "signer";
}
