using System.Collections.Immutable;
using Boxer.Abstractions;
using Boxer.Core.Listing;

namespace Boxer.Core.Tests.Listing;

public class EntryListingSpecs
{
    private static readonly UnixTime Time = new(1_700_000_000, 999_999_999);

    [Theory]
    [InlineData(EntryKind.File, 0b100_111_101_101, "-rwsr-xr-x")]
    [InlineData(EntryKind.File, 0b100_110_100_100, "-rwSr--r--")]
    [InlineData(EntryKind.Directory, 0b1_111_111_111, "drwxrwxrwt")]
    [InlineData(EntryKind.Directory, 0b1_111_111_110, "drwxrwxrwT")]
    [InlineData(EntryKind.File, 0b010_111_101_101, "-rwxr-sr-x")]
    [InlineData(EntryKind.Fifo, 0b010_110_100_000, "prw-r-S---")]
    [InlineData(EntryKind.Socket, 0b111_111_111, "srwxrwxrwx")]
    public void Permissions_print_as_tar_prints_them(EntryKind kind, int mode, string expected) =>
        Assert.StartsWith(expected + " ", EntryListing.FormatLine(new FsEntry { Path = "x", Kind = kind, Mode = mode }));

    [Fact]
    public void Each_kind_has_its_line()
    {
        Assert.Equal("drwxr-xr-x 0/0 0 2023-11-14 22:13:20 ./",
            Line(new FsEntry { Path = "", Kind = EntryKind.Directory, Mode = 0b111_101_101, ModifiedTime = Time }));
        Assert.Equal("-rw-r--r-- 250/250 12 2023-11-14 22:13:20 ./etc/passwd",
            Line(new FsEntry { Path = "etc/passwd", Kind = EntryKind.File, Mode = 0b110_100_100, Uid = 250, Gid = 250, Size = 12, ModifiedTime = Time }));
        Assert.Equal("lrwxrwxrwx 0/0 0 1970-01-01 00:00:00 ./bin/sh -> busybox",
            Line(new FsEntry { Path = "bin/sh", Kind = EntryKind.Symlink, Mode = 0b111_111_111, LinkTarget = "busybox" }));
        Assert.Equal("hrwxr-xr-x 0/0 1024 1970-01-01 00:00:00 ./usr/bin/zcat link to ./usr/bin/gunzip",
            Line(new FsEntry { Path = "usr/bin/zcat", Kind = EntryKind.HardLink, Mode = 0b111_101_101, Size = 1024, LinkTarget = "usr/bin/gunzip" }));
        Assert.Equal("crw-rw-rw- 0/0 1,3 1970-01-01 00:00:00 ./dev/null",
            Line(new FsEntry { Path = "dev/null", Kind = EntryKind.CharDevice, Mode = 0b110_110_110, DeviceMajor = 1, DeviceMinor = 3 }));
        Assert.Equal("brw-rw---- 0/6 8,0 1970-01-01 00:00:00 ./dev/sda",
            Line(new FsEntry { Path = "dev/sda", Kind = EntryKind.BlockDevice, Mode = 0b110_110_000, Gid = 6, DeviceMajor = 8 }));
    }

    [Fact]
    public void Xattrs_are_named_on_the_line_and_dumped_in_hex_below_it()
    {
        var entry = new FsEntry
        {
            Path = "usr/bin/ping",
            Kind = EntryKind.File,
            Mode = 0b111_101_101,
            Xattrs = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new[]
            {
                KeyValuePair.Create("user.z", ImmutableArray.Create<byte>(0x41)),
                KeyValuePair.Create("security.capability", ImmutableArray.Create<byte>(0x01, 0x00, 0x00, 0x02, 0x80, 0xff)),
            }),
        };
        Assert.EndsWith(" ./usr/bin/ping xattrs=security.capability,user.z", EntryListing.FormatLine(entry));
        Assert.Equal(["  security.capability=0x0100000280ff", "  user.z=0x41"], EntryListing.FormatXattrs(entry));
    }

    private static string Line(FsEntry entry) => EntryListing.FormatLine(entry);
}
