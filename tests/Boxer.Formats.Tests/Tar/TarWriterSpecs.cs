using System.Text.RegularExpressions;
using Boxer.Abstractions;
using Boxer.Formats.Tar;
using Boxer.Formats.Tests.Tar.Support;

namespace Boxer.Formats.Tests.Tar;

/// <summary>The tar writer, checked with GNU tar (Debian package tar) and getfattr (attr).</summary>
public sealed partial class TarWriterSpecs
{
    [Fact]
    public void I_can_list_every_kind_of_entry_with_GNU_tar()
    {
        using var dir = new TempDir();
        var tree = SampleTrees.Rich();
        string tar = SampleTrees.WriteTar(tree, dir.File("layer.tar"));

        string listing = Tool.Run("tar", "--numeric-owner", "--utc", "-tvf", tar);

        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Collapse).ToList();
        var expected = tree.Entries.Select(e => SampleTrees.TarListLine(e, "2023-11-14 22:13")).ToList();
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Binary_xattrs_owners_and_modes_survive_extraction_by_GNU_tar()
    {
        Tool.Require("getfattr");
        using var dir = new TempDir();
        var tree = SampleTrees.Rich();
        string tar = SampleTrees.WriteTar(tree, dir.File("layer.tar"));
        string root = Directory.CreateDirectory(dir.File("root")).FullName;

        Tool.Run("tar", "--xattrs", "--xattrs-include=*", "--numeric-owner", "-xpf", tar, "-C", root);

        Assert.Equal(Hex(SampleTrees.Capability), XattrHex(root, "bin/ping", "security.capability"));
        Assert.Equal(Hex(SampleTrees.AwkwardValue), XattrHex(root, "etc/tagged", "user.comment"));
        Assert.Equal("4755 0 0 2", Stat(root, "bin/ping", "%a %u %g %h"));
        Assert.Equal("640 0 42", Stat(root, "etc/shadow", "%a %u %g"));
        Assert.Equal("3000000 3000001", Stat(root, "home/user/big-uid", "%u %g"));
        Assert.Equal("1777", Stat(root, "tmp", "%a"));
        Assert.Equal("character special file 1 3", Stat(root, "dev/null", "%F %Hr %Lr"));
        Assert.Equal("fifo", Stat(root, "run/initctl", "%F"));
        Assert.Equal("pax\n", File.ReadAllText(Path.Combine(root, SampleTrees.LongPaxPath)));
        Assert.Equal("accent\n", File.ReadAllText(Path.Combine(root, "etc/café.conf")));
        Assert.Equal(SampleTrees.LongLinkTarget, new FileInfo(Path.Combine(root, "long-link")).LinkTarget);
    }

    [Fact]
    public void The_same_tree_gives_the_same_bytes_and_the_measured_size()
    {
        using var dir = new TempDir();
        var options = new TarWriterOptions { ClampTime = new UnixTime(1_600_000_000) };

        byte[] first = File.ReadAllBytes(SampleTrees.WriteTar(SampleTrees.Rich(), dir.File("a.tar"), options));
        byte[] second = File.ReadAllBytes(SampleTrees.WriteTar(SampleTrees.Rich(), dir.File("b.tar"), options));

        Assert.Equal(first, second);
        Assert.Equal(first.Length, TarWriter.MeasureTree(SampleTrees.Rich(), options));
        Assert.DoesNotContain("PaxHeaders."u8.ToArray(), Windows(first, 11));
    }

    [Fact]
    public void Mtimes_later_than_SOURCE_DATE_EPOCH_are_clamped_to_it()
    {
        using var dir = new TempDir();
        var tree = new MemoryRootFs(new UnixTime(1_700_000_000)).File("new", "n")
            .Add(new FsEntry { Path = "old", Kind = EntryKind.File, ModifiedTime = new UnixTime(1_000_000_000) }, [1]);
        string tar = SampleTrees.WriteTar(tree, dir.File("t.tar"), new TarWriterOptions { ClampTime = new UnixTime(1_500_000_000) });

        string listing = Tool.Run("tar", "--utc", "--full-time", "-tvf", tar);

        Assert.Contains("2017-07-14 02:40:00 new", Collapse(listing));
        Assert.Contains("2001-09-09 01:46:40 old", Collapse(listing));
    }

    [Fact]
    public void A_whiteout_name_is_refused_for_a_layer()
    {
        var tree = new MemoryRootFs().File("etc/.wh.secret", "x");
        var writer = new TarWriter(Stream.Null, new TarWriterOptions { RefuseWhiteoutNames = true });

        var error = Assert.Throws<TarFormatException>(() => writer.WriteTreeAsync(tree, null, default).GetAwaiter().GetResult());

        Assert.Equal("etc/.wh.secret", error.EntryPath);
        Assert.Contains("whiteout", error.Message);
    }

    [Fact]
    public void A_socket_is_skipped_and_reported()
    {
        using var dir = new TempDir();
        var skipped = new List<string>();
        var tree = new MemoryRootFs().Node("run/sock", EntryKind.Socket, 0b111_101_101).File("run/z", "z");
        string tar = SampleTrees.WriteTar(tree, dir.File("s.tar"), new TarWriterOptions { Skipped = e => skipped.Add(e.Path) });

        string listing = Tool.Run("tar", "-tf", tar);

        Assert.Equal(["run/sock"], skipped);
        Assert.Equal("./\nrun/\nrun/z\n", listing);
    }

    [Fact]
    public void A_hard_link_before_its_target_is_refused()
    {
        var tree = new MemoryRootFs().File("b", "b")
            .Add(new FsEntry { Path = "a", Kind = EntryKind.HardLink, LinkTarget = "b" });
        var writer = new TarWriter(Stream.Null);

        var error = Assert.Throws<TarFormatException>(() => writer.WriteTreeAsync(tree, null, default).GetAwaiter().GetResult());

        Assert.Equal("a", error.EntryPath);
    }

    private static string Collapse(string line) => Spaces().Replace(line.TrimEnd(), " ");

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static string XattrHex(string root, string path, string name) =>
        Hex(Tool.RunBytes("getfattr", "--only-values", "-n", name, "--absolute-names", Path.Combine(root, path)));

    private static string Stat(string root, string path, string format) =>
        Tool.Run("stat", "-c", format, Path.Combine(root, path)).Trim();

    private static IEnumerable<byte[]> Windows(byte[] bytes, int width)
    {
        for (int i = 0; i + width <= bytes.Length; i += 512)
        {
            yield return bytes[i..(i + width)];
        }
    }

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
