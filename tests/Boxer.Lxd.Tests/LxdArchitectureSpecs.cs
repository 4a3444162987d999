using Boxer.Targets.Lxd;

namespace Boxer.Lxd.Tests;

/// <summary>The stage3's architecture (Go/OCI names) in LXD's naming, which <c>lxc launch</c> matches against the host.</summary>
public sealed class LxdArchitectureSpecs
{
    [Theory]
    [InlineData("amd64", "x86_64")]
    [InlineData("arm64", "aarch64")]
    [InlineData("386", "i686")]
    [InlineData("arm", "armv7l")]
    [InlineData("ppc64le", "ppc64le")]
    [InlineData("s390x", "s390x")]
    [InlineData("riscv64", "riscv64")]
    public void A_stage3_architecture_gets_its_LXD_name(string goArch, string lxdArch) =>
        Assert.Equal(lxdArch, LxdArchitecture.Of(goArch));

    [Fact]
    public void An_architecture_LXD_does_not_know_has_no_name() => Assert.Null(LxdArchitecture.Of("sparc64"));
}
