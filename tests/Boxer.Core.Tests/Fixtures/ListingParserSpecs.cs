using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>The listing parsers of TestSupport read what GNU tar, getfattr and boxer print.</summary>
public sealed class ListingParserSpecs
{
    [Fact]
    public void GNU_tar_verbose_output_is_normalized()
    {
        const string Text = """
            drwxr-xr-x  0/0               0 2023-11-14 22:13:20 ./
            -rw-r--r--* 0/0             114 2023-11-14 22:13:20.5 ./etc/a\303\274
              x: 20 security.capability
            hrw-r--r--  0/0               0 2023-11-14 22:13:20 etc/b link to ./etc/a\303\274
            crw-rw-rw-  0/0             1,3 2023-11-14 22:13:20           ./dev/null
            drwxr-xr-x  250/250           0 2023-11-14 22:13:20           ./var/
            lrwxrwxrwx  0/0               0 2023-11-14 22:13:20 ./sh -> bin/busy box
            -rw-r--r--  0/0               7 2023-11-14 22:13:21 ./etc/b

            """;

        var entries = GnuTarListing.ParseVerbose(Text);

        Assert.Equal(
            [
                "drwxr-xr-x 0/0 0 2023-11-14 22:13:20 ./",
                "-rw-r--r-- 0/0 114 2023-11-14 22:13:20 ./etc/aü xattrs=security.capability",
                "crw-rw-rw- 0/0 1,3 2023-11-14 22:13:20 ./dev/null",
                "drwxr-xr-x 250/250 0 2023-11-14 22:13:20 ./var",
                "lrwxrwxrwx 0/0 0 2023-11-14 22:13:20 ./sh -> bin/busy box",
                "-rw-r--r-- 0/0 7 2023-11-14 22:13:21 ./etc/b",
            ],
            entries.Select(e => e.FormatLine()));
    }

    [Fact]
    public void A_hard_link_takes_its_targets_size_and_xattr_names()
    {
        const string Text = """
            -rw-r--r--* 0/0             114 2023-11-14 22:13:20 ./a
              x: 1 user.x
            hrw-r--r--  0/0               0 2023-11-14 22:13:20 ./b link to ./a
            """;

        var link = GnuTarListing.ParseVerbose(Text)[1];

        Assert.Equal(("114", "./a"), (link.Size, link.LinkTarget));
        Assert.Equal(["user.x"], link.Xattrs.Keys);
    }

    [Fact]
    public void Getfattr_dumps_map_to_relative_paths_and_hex()
    {
        const string Dump = """
            # file: /tmp/x
            user.root=0x31

            # file: /tmp/x/etc/a\040b
            security.capability=0x0100000280000000000000000000000000000000
            user.empty=

            """;

        var byPath = GetfattrDump.Parse(Dump, "/tmp/x");

        Assert.Equal("31", byPath["./"]["user.root"]);
        Assert.Equal("0100000280000000000000000000000000000000", byPath["./etc/a b"]["security.capability"]);
        Assert.Equal("", byPath["./etc/a b"]["user.empty"]);
    }

    [Fact]
    public void A_boxer_listing_parses_back_into_the_same_entries()
    {
        string[] lines =
        [
            "drwxr-xr-x 0/0 0 2023-11-14 22:13:20 ./",
            "-rwxr-xr-x 0/0 86 2023-11-14 22:13:20 ./usr/bin/new uidmap xattrs=security.capability,user.a",
            "  security.capability=0x0100000280000000000000000000000000000000",
            "  user.a=0x6c310a6c32",
            "hrw-r--r-- 0/0 114 2023-11-14 22:13:20 ./usr/share/zoneinfo/UTC link to ./usr/share/zoneinfo/Etc/UTC",
            "lrwxrwxrwx 0/0 0 2023-11-14 22:13:20 ./etc/localtime -> /usr/share/zoneinfo/UTC",
            "brw-rw---- 0/6 8,0 2023-11-14 22:13:20 ./dev/sda",
        ];

        var entries = ListedEntry.ParseBoxerListing(lines);

        Assert.Equal(lines, entries.SelectMany(e => e.ToString().Split('\n')));
        Assert.Equal(("rwxr-xr-x", 0L, "86"), (entries[1].Perms, entries[1].Uid, entries[1].Size));
        Assert.Equal("/usr/share/zoneinfo/UTC", entries[3].LinkTarget);
        Assert.Equal((6L, "8,0", 'b'), (entries[4].Gid, entries[4].Size, entries[4].Kind));
    }

    [Fact]
    public void A_listing_without_xattr_values_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => ListedEntry.ParseBoxerListing(
            ["-rwxr-xr-x 0/0 86 2023-11-14 22:13:20 ./usr/bin/newuidmap xattrs=security.capability"]));

        Assert.Contains("--xattrs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_basic_fixture_survives_a_trip_through_the_boxer_format()
    {
        var fromTar = GnuTarListing.Read(TestSupport.Fixtures.Basic("xz"));

        var reparsed = ListedEntry.ParseBoxerListing(fromTar.SelectMany(e => e.ToString().Split('\n')));

        Assert.Equal(fromTar, reparsed);
    }
}
