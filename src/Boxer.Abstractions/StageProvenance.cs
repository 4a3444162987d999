namespace Boxer.Abstractions;

/// <summary>
/// Where the stage3 a build started from came from, and who vouched for it: what every output records under
/// the <see cref="StageProvenanceKeys"/> (OCI labels and annotations, SIF metadata, LXD properties, plans).
/// </summary>
public sealed record StageProvenance
{
    /// <summary>The value of <see cref="Signer"/> for a stage no trusted signature vouched for.</summary>
    public const string Unverified = "unverified";

    /// <summary>Where the tarball was read from: its URL when it was downloaded, else its full path.</summary>
    public required string Source { get; init; }

    /// <summary>The tarball's file name, e.g. <c>stage3-amd64-openrc-20261130T170351Z.tar.xz</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The tarball's size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The SHA-512 of the tarball's bytes, lowercase hex.</summary>
    public required string Sha512 { get; init; }

    /// <summary>
    /// The OpenPGP fingerprint (40 uppercase hex digits) of the trusted primary key whose signature covered the
    /// tarball or its digests, or <see cref="Unverified"/>.
    /// </summary>
    public string Signer { get; init; } = Unverified;

    /// <summary>Whether a trusted signature vouched for the tarball.</summary>
    public bool IsVerified => Signer != Unverified;

    /// <summary>The record as key/value pairs under <see cref="StageProvenanceKeys"/>, in key order.</summary>
    /// <returns>The five pairs, ready to become labels, annotations or properties.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> ToLabels() =>
    [
        new(StageProvenanceKeys.Name, Name),
        new(StageProvenanceKeys.Sha512, Sha512),
        new(StageProvenanceKeys.Signer, Signer),
        new(StageProvenanceKeys.Size, Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(StageProvenanceKeys.Source, Source),
    ];
}
