using Boxer.Core.Import;
using Boxer.Core.Sources;

namespace Boxer.Core.Tests.Sources;

/// <summary>The texts a stage is named and described by: gentoo: names, latest-*.txt, DIGESTS and .sha256 files.</summary>
public sealed class StageNameSpecs
{
    [Theory]
    [InlineData("gentoo:amd64-openrc", "amd64", "amd64", "openrc", null)]
    [InlineData("gentoo:arm64-systemd@20261130T170351Z", "arm64", "arm64", "systemd", "20261130T170351Z")]
    [InlineData("gentoo:armv7a_hardfp-openrc", "arm", "armv7a_hardfp", "openrc", null)]
    [InlineData("gentoo:i686-openrc", "x86", "i686", "openrc", null)]
    [InlineData("gentoo:rv64_lp64d-systemd", "riscv", "rv64_lp64d", "systemd", null)]
    [InlineData("gentoo:ppc64le-openrc", "ppc", "ppc64le", "openrc", null)]
    [InlineData("gentoo:s390x-openrc", "s390", "s390x", "openrc", null)]
    [InlineData("gentoo:hppa2.0-openrc", "hppa", "hppa2.0", "openrc", null)]
    [InlineData("gentoo:amd64-desktop-openrc", "amd64", "amd64", "desktop-openrc", null)]
    [InlineData("gentoo:newarch/newarch64-openrc@20261130", "newarch", "newarch64", "openrc", "20261130")]
    public void A_gentoo_name_maps_its_arch_to_the_release_directory(string text, string directory, string arch, string flavour, string? timestamp)
    {
        var reference = StageReference.Parse(text);

        Assert.Equal(StageReferenceKind.Gentoo, reference.Kind);
        Assert.Equal(new GentooStageName(directory, arch, flavour, timestamp), reference.Gentoo);
    }

    [Theory]
    [InlineData("stage3.tar.xz", StageReferenceKind.File)]
    [InlineData("/srv/gentoo:amd64.tar", StageReferenceKind.File)]
    [InlineData("https://example.invalid/stage3.tar.xz", StageReferenceKind.Url)]
    [InlineData("HTTP://example.invalid/stage3.tar.xz", StageReferenceKind.Url)]
    public void A_path_and_a_url_are_told_apart(string text, StageReferenceKind kind) =>
        Assert.Equal(kind, StageReference.Parse(text).Kind);

    [Fact]
    public void A_latest_file_names_the_tarball_and_its_size()
    {
        var latest = LatestStageFile.Parse("# Latest as of x\n# ts=1\n\n20261130T170351Z/stage3-amd64-openrc-20261130T170351Z.tar.xz 284719384\n", "u");

        Assert.Equal(new LatestStageFile("20261130T170351Z/stage3-amd64-openrc-20261130T170351Z.tar.xz", 284719384), latest);
        Assert.Equal("stage3-amd64-openrc-20261130T170351Z.tar.xz", latest.FileName);
    }

    [Theory]
    [InlineData("../../etc/stage3.tar.xz 12")]
    [InlineData("/stage3.tar.xz 12")]
    [InlineData("http://elsewhere.invalid/stage3.tar.xz 12")]
    public void A_latest_file_may_not_point_outside_its_directory(string line) =>
        Assert.Contains("not a path below", Assert.Throws<StageException>(() => LatestStageFile.Parse(line, "u")).Message, StringComparison.Ordinal);

    [Fact]
    public void Digests_sections_give_each_line_its_algorithm()
    {
        var text = "# BLAKE2B HASH\nbb  s.tar.xz\n# BLAKE2B HASH\ncc  s.tar.xz.CONTENTS.gz\n# SHA512 HASH\naa  s.tar.xz\n# WHIRLPOOL HASH\ndd  s.tar.xz\n";

        var digests = DigestsFile.Parse(text.Replace("aa", new string('a', 128)).Replace("bb", new string('b', 128)).Replace("cc", new string('c', 128)).Replace("dd", new string('d', 128)));

        Assert.Equal(["BLAKE2B", "SHA512"], digests.For("s.tar.xz").Select(d => d.Algorithm));
        Assert.Equal(new string('a', 128), digests.For("s.tar.xz")[1].Hex);
        Assert.Empty(digests.For("other.tar.xz"));
    }

    [Fact]
    public void A_sha256sum_file_without_a_header_is_sha256()
    {
        var digests = DigestsFile.Parse($"{new string('E', 64)} *dir/s.tar.xz\n", "SHA256");

        Assert.Equal(new DigestEntry("SHA256", new string('e', 64), "s.tar.xz"), Assert.Single(digests.For("s.tar.xz")));
    }
}
