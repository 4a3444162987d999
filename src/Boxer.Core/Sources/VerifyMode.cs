namespace Boxer.Core.Sources;

/// <summary>How much checking a stage3 gets before it is used (<c>--verify</c>).</summary>
public enum VerifyMode
{
    /// <summary>
    /// A fetched <c>gentoo:</c> stage is always verified (digests and a trusted signature); a local file or a
    /// plain URL is verified with what lies beside it, and builds with one warning when nothing does.
    /// </summary>
    Auto,

    /// <summary>Refuse anything a trusted signature does not vouch for.</summary>
    Require,

    /// <summary>Check nothing; warn once.</summary>
    Off,
}
