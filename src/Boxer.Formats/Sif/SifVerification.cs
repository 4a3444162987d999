namespace Boxer.Formats.Sif;

/// <summary>The outcome of <see cref="SifVerifier.Verify"/>.</summary>
/// <param name="Problem">Why the image failed its check, one line; null when it verified.</param>
/// <param name="Signers">The fingerprints (upper-case hex) of the keys whose signatures verified.</param>
public sealed record SifVerification(string? Problem, IReadOnlyList<string> Signers)
{
    /// <summary>True when every object group carries a signature that verifies and matches the file.</summary>
    public bool Verified => Problem is null;
}
