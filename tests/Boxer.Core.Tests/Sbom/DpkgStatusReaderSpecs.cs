using System.Text;
using Boxer.Core.Sbom;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Sbom;

/// <summary>dpkg's status file: only <c>install ok installed</c>, fields as recorded, damage skipped with a warning.</summary>
public sealed class DpkgStatusReaderSpecs
{
    private const string Status = """
        Package: libc6
        Status: install ok installed
        Priority: optional
        Architecture: amd64
        Multi-Arch: same
        Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
        Source: glibc (2.36-9)
        Version: 2.36-9+deb12u7
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs on
         the system.
        Homepage: https://www.gnu.org/software/libc/libc.html

        Package: oldconf
        Status: deinstall ok config-files
        Version: 1.0

        Package: half
        Status: install reinstreq half-installed
        Version: 2.0

        Package: noversion
        Status: install ok installed

        Package: zlib1g
        Status: install ok installed
        Architecture: amd64
        Source: zlib
        Version: 1:1.2.13.dfsg-1
        Description: compression library - runtime

        """;

    private static RootFs Tree(string status)
    {
        var tree = new RootFs();
        tree.WriteAllText(DpkgStatusReader.StatusPath, status);
        return tree;
    }

    [Fact]
    public void Only_installed_packages_are_read_with_their_fields_as_recorded()
    {
        using var tree = Tree(Status);
        var warnings = new List<string>();

        var packages = DpkgStatusReader.Read(tree.AsReadOnly(), warnings);

        Assert.Equal(["libc6 2.36-9+deb12u7 amd64", "zlib1g 1:1.2.13.dfsg-1 amd64"], packages.Select(p => $"{p.Name} {p.Version} {p.Architecture}"));
        var libc = packages[0];
        Assert.Equal(("glibc", "2.36-9"), (libc.SourcePackage, libc.SourceVersion));
        Assert.Equal("GNU C Library: Shared libraries", libc.Description);
        Assert.Equal("GNU Libc Maintainers <debian-glibc@lists.debian.org>", libc.Maintainer);
        Assert.Equal(("zlib", null), (packages[1].SourcePackage, packages[1].SourceVersion));
        Assert.Equal(["sbom: /var/lib/dpkg/status: installed entry 4 has no usable Package or Version; skipped"], warnings);
    }

    [Fact]
    public void Binary_garbage_gives_no_package_and_no_exception()
    {
        using var tree = new RootFs();
        tree.WriteAllBytes(DpkgStatusReader.StatusPath, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray());

        var packages = DpkgStatusReader.Read(tree.AsReadOnly(), new List<string>());

        Assert.Empty(packages);
    }

    [Fact]
    public void A_status_that_is_a_symlink_is_not_followed_and_says_so()
    {
        using var tree = new RootFs();
        tree.WriteAllText("etc/passwd", "Package: x\nStatus: install ok installed\nVersion: 1\n");
        tree.CreateSymlink(DpkgStatusReader.StatusPath, "/etc/passwd");
        var warnings = new List<string>();

        Assert.Empty(DpkgStatusReader.Read(tree.AsReadOnly(), warnings));
        Assert.Equal(["sbom: /var/lib/dpkg/status is not a regular file; skipped"], warnings);
    }

    [Fact]
    public void CRLF_lines_and_a_missing_final_newline_still_parse()
    {
        using var tree = Tree("Package: a\r\nStatus: install ok installed\r\nVersion: 1.0\r\nArchitecture: all");

        var package = Assert.Single(DpkgStatusReader.Read(tree.AsReadOnly(), new List<string>()));

        Assert.Equal(("a", "1.0", "all"), (package.Name, package.Version, package.Architecture));
    }

    [Fact]
    public void Invalid_utf8_is_replaced_not_fatal()
    {
        using var tree = new RootFs();
        tree.WriteAllBytes(DpkgStatusReader.StatusPath,
            [.. Encoding.ASCII.GetBytes("Package: a\nStatus: install ok installed\nVersion: 1\nDescription: x"), 0xff, 0xfe, (byte)'\n']);

        var package = Assert.Single(DpkgStatusReader.Read(tree.AsReadOnly(), new List<string>()));

        Assert.Equal("x\uFFFD\uFFFD", package.Description);
    }
}
