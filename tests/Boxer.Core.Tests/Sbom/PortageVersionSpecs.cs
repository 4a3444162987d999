using Boxer.Core.Sbom;

namespace Boxer.Core.Tests.Sbom;

/// <summary>PF → PN + PVR by the PMS version syntax (§3.2), on names that trip naive splitting.</summary>
public sealed class PortageVersionSpecs
{
    [Theory]
    [InlineData("busybox-1.35.0", "busybox", "1.35.0")]
    [InlineData("glibc-2.38-r10", "glibc", "2.38-r10")]
    [InlineData("gtk+-3.24.41", "gtk+", "3.24.41")]
    [InlineData("font-adobe-100dpi-1.0.4", "font-adobe-100dpi", "1.0.4")]
    [InlineData("python-3.12.3_p1-r1", "python", "3.12.3_p1-r1")]
    [InlineData("openssl-3.0.13_rc2_p3", "openssl", "3.0.13_rc2_p3")]
    [InlineData("tzdata-2024a", "tzdata", "2024a")]
    [InlineData("man-pages-6.06", "man-pages", "6.06")]
    [InlineData("x-1", "x", "1")]
    public void A_PF_splits_where_the_rest_is_a_version(string pf, string pn, string pvr)
    {
        Assert.True(PortageVersion.TrySplit(pf, out string name, out string version));
        Assert.Equal((pn, pvr), (name, version));
    }

    [Theory]
    [InlineData("no version here")]
    [InlineData("noversion")]
    [InlineData("-1.0")]
    [InlineData("foo-1.0-r")]
    [InlineData("foo-1.0_beta-x")]
    [InlineData("foo-1.0ab")]
    [InlineData("")]
    public void A_name_without_a_PMS_version_is_refused(string pf) =>
        Assert.False(PortageVersion.TrySplit(pf, out _, out _));
}
