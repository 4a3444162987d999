namespace Boxer.Core.Sources;

/// <summary>What a <c>--stage</c> value names.</summary>
public enum StageReferenceKind
{
    /// <summary>A local file.</summary>
    File,

    /// <summary>An <c>http(s)://</c> URL of a tarball.</summary>
    Url,

    /// <summary>A Gentoo autobuild, <c>gentoo:&lt;arch&gt;-&lt;flavour&gt;[@&lt;timestamp&gt;]</c>.</summary>
    Gentoo,
}
