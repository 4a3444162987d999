using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>The basic fixture holds every feature issue 2 asks for, as GNU tar and getfattr see it.</summary>
public sealed class BasicFixtureSpecs
{
    private static readonly Lazy<Dictionary<string, ListedEntry>> Listing = new(() =>
        GnuTarListing.Read(TestSupport.Fixtures.Basic("tar")).ToDictionary(e => e.Path, StringComparer.Ordinal));

    private static ListedEntry Entry(string path) =>
        Listing.Value.TryGetValue(path, out var e) ? e : throw new Xunit.Sdk.XunitException($"{path} is not in the fixture");

    [Fact]
    public void The_capability_xattr_holds_binary_bytes_with_0x80()
    {
        var cap = Entry("./usr/bin/newuidmap").Xattrs["security.capability"];

        // VFS_CAP_REVISION_2 with the effective flag, permitted = 1 << CAP_SETUID (7)
        Assert.Equal("0100000280000000000000000000000000000000", cap);
        Assert.Equal("0100000200200000000000000000000000000000", Entry("./bin/ping").Xattrs["security.capability"]);
    }

    [Fact]
    public void There_are_setuid_and_setgid_files()
    {
        Assert.Equal("rwsr-xr-x", Entry("./bin/su").Perms);
        Assert.Equal("rws--x--x", Entry("./usr/bin/passwd").Perms);
        Assert.Equal(("rwxr-sr-x", 5L), (Entry("./usr/bin/wall").Perms, Entry("./usr/bin/wall").Gid));
    }

    [Fact]
    public void A_hard_link_group_of_three_shares_the_first_names_size()
    {
        var first = Entry("./usr/share/zoneinfo/Etc/UTC");
        var links = Listing.Value.Values.Where(e => e.Kind == 'h' && e.LinkTarget == first.Path).ToList();

        Assert.Equal('-', first.Kind);
        Assert.Equal(["./usr/share/zoneinfo/UTC", "./usr/share/zoneinfo/Zulu"], links.Select(l => l.Path).Order());
        Assert.All(links, l => Assert.Equal("114", l.Size));
    }

    [Theory]
    [InlineData("./dev/null", 'c', "1,3", "rw-rw-rw-")]
    [InlineData("./dev/console", 'c', "5,1", "rw-------")]
    [InlineData("./dev/sda", 'b', "8,0", "rw-rw----")]
    [InlineData("./dev/loop0", 'b', "7,0", "rw-rw----")]
    [InlineData("./dev/initctl", 'p', "0", "rw-------")]
    public void Devices_and_a_FIFO_keep_their_numbers(string path, char kind, string size, string perms)
    {
        var e = Entry(path);
        Assert.Equal((kind, size, perms), (e.Kind, e.Size, e.Perms));
    }

    [Fact]
    public void A_path_of_exactly_200_bytes_and_a_long_link_target_survive()
    {
        var longOne = Assert.Single(Listing.Value.Values, e => e.Path.Contains("/long-path/", StringComparison.Ordinal));
        var link = Entry("./usr/share/boxer-fixture/to-long-path");

        Assert.Equal(200, longOne.Path.Length - "./".Length);
        Assert.Equal(longOne.Path, "./usr/share/boxer-fixture/" + link.LinkTarget);
    }

    [Fact]
    public void A_UTF8_name_is_listed_as_UTF8()
    {
        Assert.Equal('-', Entry("./etc/ünïcødé-日本").Kind);
    }

    [Theory]
    [InlineData("./var/lib/portage", 250)]
    [InlineData("./var/lib/portage/world", 250)]
    [InlineData("./var/spool/nobody/queue", 65534)]
    public void Unusual_owners_are_kept(string path, long id)
    {
        Assert.Equal((id, id), (Entry(path).Uid, Entry(path).Gid));
    }

    [Fact]
    public void Tmp_is_an_empty_sticky_world_writable_directory()
    {
        Assert.Equal(('d', "rwxrwxrwt"), (Entry("./tmp").Kind, Entry("./tmp").Perms));
        Assert.DoesNotContain(Listing.Value.Keys, p => p.StartsWith("./tmp/", StringComparison.Ordinal));
        Assert.DoesNotContain(Listing.Value.Keys, p => p.StartsWith("./run/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("./etc/localtime", "/usr/share/zoneinfo/UTC")]
    [InlineData("./etc/runlevels/default/sshd", "/etc/init.d/sshd")]
    [InlineData("./etc/mtab", "../proc/self/mounts")]
    [InlineData("./bin/sh", "busybox")]
    [InlineData("./sbin/init", "../bin/busybox")]
    public void Absolute_and_relative_symlinks_keep_their_text(string path, string target)
    {
        Assert.Equal(('l', target), (Entry(path).Kind, Entry(path).LinkTarget));
    }

    [Fact]
    public void Text_xattrs_in_the_user_and_trusted_namespaces_are_kept_byte_for_byte()
    {
        var osRelease = Entry("./etc/os-release").Xattrs;

        Assert.Equal(ListedEntry.Hex("boxer fixture"u8), osRelease["user.comment"]);
        Assert.Equal(ListedEntry.Hex("first line\nsecond line"u8), osRelease["user.multiline"]);
        Assert.Equal(ListedEntry.Hex("fixture"u8), Entry("./etc/fstab").Xattrs["trusted.boxer.origin"]);
        Assert.Equal(ListedEntry.Hex("portage state directory"u8), Entry("./var/lib/portage").Xattrs["user.boxer.note"]);
    }

    [Fact]
    public void One_file_has_a_sub_second_mtime_in_its_PAX_header()
    {
        var listing = ExternalTool.Run(
            "tar", ["--full-time", "-tvf", TestSupport.Fixtures.Basic("tar")],
            new ToolRunOptions { Environment = new Dictionary<string, string?> { ["TZ"] = "UTC" } }).EnsureSuccess().Stdout;

        Assert.Contains("2023-11-14 22:13:20.123456789 ./var/lib/portage/world", listing, StringComparison.Ordinal);
        Assert.Equal(1700000000, Entry("./var/lib/portage/world").MtimeSeconds);
    }
}
