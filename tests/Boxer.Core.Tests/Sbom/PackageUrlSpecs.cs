using Boxer.Core.Sbom;

namespace Boxer.Core.Tests.Sbom;

/// <summary>purls exactly as syft writes them (anchore/packageurl-go: Go's QueryEscape, qualifiers sorted by key).</summary>
public sealed class PackageUrlSpecs
{
    private static readonly Dictionary<string, string> Debian = new() { ["ID"] = "debian", ["VERSION_ID"] = "12" };

    [Fact]
    public void A_dpkg_package_gets_arch_distro_and_upstream_qualifiers()
    {
        var libc = new InstalledPackage
        {
            Database = PackageDatabase.Dpkg,
            Name = "libc6",
            Version = "2.36-9+deb12u7",
            Architecture = "amd64",
            SourcePackage = "glibc",
        };

        Assert.Equal("pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12&upstream=glibc", PackageUrl.For(libc, Debian));
    }

    [Fact]
    public void An_epoch_and_a_source_version_are_escaped()
    {
        var package = new InstalledPackage
        {
            Database = PackageDatabase.Dpkg,
            Name = "libgcc-s1",
            Version = "1:12.2.0-14",
            Architecture = "amd64",
            SourcePackage = "gcc-12",
            SourceVersion = "12.2.0-14",
        };

        Assert.Equal("pkg:deb/debian/libgcc-s1@1%3A12.2.0-14?arch=amd64&distro=debian-12&upstream=gcc-12%4012.2.0-14",
            PackageUrl.For(package, Debian));
    }

    [Fact]
    public void Ubuntu_is_debian_like_and_keeps_its_own_namespace()
    {
        var release = new Dictionary<string, string> { ["ID"] = "ubuntu", ["ID_LIKE"] = "debian", ["VERSION_ID"] = "24.04" };
        var bash = new InstalledPackage { Database = PackageDatabase.Dpkg, Name = "bash", Version = "5.2.21-2ubuntu4", Architecture = "amd64" };

        Assert.Equal("pkg:deb/ubuntu/bash@5.2.21-2ubuntu4?arch=amd64&distro=ubuntu-24.04", PackageUrl.For(bash, release));
    }

    [Fact]
    public void A_dpkg_package_on_a_system_that_is_not_debian_like_has_no_purl_as_in_syft()
    {
        var release = new Dictionary<string, string> { ["ID"] = "gentoo" };
        var bash = new InstalledPackage { Database = PackageDatabase.Dpkg, Name = "bash", Version = "5.2", Architecture = "amd64" };

        Assert.Null(PackageUrl.For(bash, release));
    }

    [Fact]
    public void A_portage_package_is_an_ebuild_purl_with_the_category_escaped_into_the_name()
    {
        var glibc = new InstalledPackage { Database = PackageDatabase.Portage, Category = "sys-libs", Name = "glibc", Version = "2.38-r10" };

        Assert.Equal("pkg:ebuild/sys-libs%2Fglibc@2.38-r10", PackageUrl.For(glibc, new Dictionary<string, string> { ["ID"] = "gentoo" }));
    }

    [Fact]
    public void Syfts_own_test_case_gives_its_string()
    {
        // syft/pkg/cataloger/gentoo/purl_test.go
        var eselect = new InstalledPackage { Database = PackageDatabase.Portage, Category = "app-admin", Name = "eselect", Version = "1.4.15" };

        Assert.Equal("pkg:ebuild/app-admin%2Feselect@1.4.15", PackageUrl.For(eselect, new Dictionary<string, string>()));
    }

    [Fact]
    public void An_apk_package_names_its_origin_as_upstream()
    {
        var release = new Dictionary<string, string> { ["ID"] = "alpine", ["VERSION_ID"] = "3.20.3" };
        var ssl = new InstalledPackage
        {
            Database = PackageDatabase.Apk,
            Name = "libssl3",
            Version = "3.3.2-r0",
            Architecture = "x86_64",
            SourcePackage = "openssl",
        };

        Assert.Equal("pkg:apk/alpine/libssl3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl", PackageUrl.For(ssl, release));
    }
}
