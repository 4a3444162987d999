using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class RootFsEditSpecs
{
    private static readonly UnixTime BuildTime = new(1_700_000_000);

    private static RootFs NewTree() => new() { NewEntryTime = BuildTime };

    [Fact]
    public void I_can_write_a_file_and_its_missing_parents_appear_root_owned()
    {
        using var tree = NewTree();
        tree.WriteAllText("/etc/conf.d/hostname", "hostname=box\n");

        var file = tree.Get("etc/conf.d/hostname");
        Assert.Equal(EntryKind.File, file.Kind);
        Assert.Equal(0b110_100_100, file.Mode);
        Assert.Equal(13, file.Size);
        Assert.Equal(BuildTime, file.ModifiedTime);
        Assert.Equal("hostname=box\n", tree.ReadAllText("./etc/conf.d/hostname"));
        var parent = tree.Get("etc/conf.d");
        Assert.Equal((EntryKind.Directory, 0b111_101_101, 0, 0), (parent.Kind, parent.Mode, parent.Uid, parent.Gid));
        Assert.Equal(4, tree.Count);
        Assert.Equal(13, tree.ContentSize);
    }

    [Fact]
    public void Rewriting_a_file_keeps_its_owner_mode_and_xattrs()
    {
        using var tree = NewTree();
        tree.WriteAllText("etc/shadow", "old", 0b110_000_000);
        tree.SetOwner("etc/shadow", 0, 42, "root", "shadow");
        tree.SetXattr("etc/shadow", "user.tag", [1, 2, 0x80]);

        tree.WriteAllBytes("etc/shadow", "newer"u8, mode: 0b111_111_111);

        var file = tree.Get("etc/shadow");
        Assert.Equal((0b110_000_000, 42, "shadow"), (file.Mode, file.Gid, file.GroupName));
        Assert.Equal([1, 2, 0x80], file.Xattrs["user.tag"].ToArray());
        Assert.Equal("newer", tree.ReadAllText("etc/shadow"));
        Assert.Equal(5, tree.ContentSize);
    }

    [Fact]
    public void I_can_append_text_to_a_file_or_create_it()
    {
        using var tree = NewTree();
        tree.AppendAllText("etc/rc.conf", "a\n");
        tree.AppendAllText("etc/rc.conf", "rc_sys=\"docker\"\n");
        Assert.Equal("a\nrc_sys=\"docker\"\n", tree.ReadAllText("etc/rc.conf"));
        Assert.Equal(0b110_100_100, tree.Get("etc/rc.conf").Mode);
    }

    [Fact]
    public void I_can_create_directories_symlinks_and_nodes()
    {
        using var tree = NewTree();
        tree.CreateDirectory("tmp", 0b1_111_111_111);
        tree.CreateDirectory("tmp", 0b111_000_000);
        tree.CreateSymlink("etc/localtime", "../usr/share/zoneinfo/UTC");
        tree.CreateNode("dev/null", EntryKind.CharDevice, 0b110_110_110, 1, 3);
        tree.CreateNode("run/initctl", EntryKind.Fifo, 0b110_000_000);

        Assert.Equal(0b1_111_111_111, tree.Get("tmp").Mode);
        var link = tree.Get("etc/localtime");
        Assert.Equal((EntryKind.Symlink, "../usr/share/zoneinfo/UTC"), (link.Kind, link.LinkTarget));
        var dev = tree.Get("dev/null");
        Assert.Equal((EntryKind.CharDevice, 1, 3), (dev.Kind, dev.DeviceMajor, dev.DeviceMinor));
        Assert.Equal(EntryKind.Fifo, tree.Get("run/initctl").Kind);
        Assert.Throws<ArgumentException>(() => tree.CreateNode("x", EntryKind.File, 0));
    }

    [Fact]
    public void A_symlink_is_never_followed_when_writing_below_it()
    {
        using var tree = NewTree();
        tree.CreateDirectory("usr/bin");
        tree.CreateSymlink("bin", "usr/bin");
        var error = Assert.Throws<IOException>(() => tree.WriteAllText("bin/sh", "x"));
        Assert.Contains("'bin' is a Symlink", error.Message);
    }

    [Fact]
    public void Writing_over_a_directory_is_refused_but_over_a_symlink_replaces_it()
    {
        using var tree = NewTree();
        tree.CreateDirectory("etc");
        tree.CreateSymlink("etc/localtime", "/usr/share/zoneinfo/Europe/Paris");
        Assert.Throws<IOException>(() => tree.WriteAllText("etc", "x"));
        tree.WriteAllText("etc/localtime", "TZif");
        Assert.Equal(EntryKind.File, tree.Get("etc/localtime").Kind);
    }

    [Fact]
    public void I_can_delete_files_and_whole_directories()
    {
        using var tree = NewTree();
        tree.WriteAllText("usr/src/linux/Makefile", "all:");
        tree.WriteAllText("usr/src/linux/README", "hello");
        Assert.Throws<IOException>(() => tree.Delete("usr/src/linux"));

        Assert.Equal(3, tree.Delete("/usr/src/linux", recursive: true));
        Assert.Equal(0, tree.Delete("usr/src/linux"));
        Assert.False(tree.Exists("usr/src/linux/README"));
        Assert.Equal(3, tree.Count);
        Assert.Equal(0, tree.ContentSize);
        Assert.Throws<InvalidOperationException>(() => tree.Delete("/", recursive: true));
    }

    [Fact]
    public void I_can_delete_by_glob()
    {
        using var tree = NewTree();
        tree.WriteAllText("lib/modules/6.1/kernel/a.ko", "a");
        tree.WriteAllText("lib/modules/6.2/b.ko", "b");
        tree.WriteAllText("lib/libc.so", "c");

        Assert.Equal(5, tree.DeleteGlob("lib/modules/*"));
        Assert.Equal(["", "lib", "lib/libc.so", "lib/modules"], tree.Entries.Select(e => e.Path));
    }

    [Fact]
    public void I_can_move_a_subtree_but_not_onto_an_existing_path_or_into_itself()
    {
        using var tree = NewTree();
        tree.WriteAllText("opt/app/bin/run", "#!/bin/sh");
        tree.WriteAllText("srv/taken", "");

        tree.Move("opt/app", "srv/app");

        Assert.Equal("#!/bin/sh", tree.ReadAllText("srv/app/bin/run"));
        Assert.False(tree.Exists("opt/app"));
        Assert.Throws<IOException>(() => tree.Move("srv/app", "srv/taken"));
        Assert.Throws<IOException>(() => tree.Move("srv", "srv/app/inner"));
    }

    [Fact]
    public void I_can_change_mode_owner_time_and_xattrs()
    {
        using var tree = NewTree();
        tree.WriteAllText("bin/ping", "elf");
        byte[] capability = [0x01, 0x00, 0x00, 0x02, 0x00, 0x20, 0x00, 0x80];

        tree.SetMode("bin/ping", 0b100_111_101_101);
        tree.SetOwner("bin/ping", 250, 65534, "portage", "nogroup");
        tree.SetModifiedTime("bin/ping", new UnixTime(5, 123));
        tree.SetXattr("bin/ping", "security.capability", capability);
        tree.SetXattr("bin/ping", "user.gone", "x"u8);

        Assert.True(tree.RemoveXattr("bin/ping", "user.gone"));
        Assert.False(tree.RemoveXattr("bin/ping", "user.gone"));
        var ping = tree.Get("bin/ping");
        Assert.Equal((0b100_111_101_101, 250, 65534, "portage", "nogroup"), (ping.Mode, ping.Uid, ping.Gid, ping.UserName, ping.GroupName));
        Assert.Equal(new UnixTime(5, 123), ping.ModifiedTime);
        Assert.Equal(capability, ping.Xattrs["security.capability"].ToArray());
        Assert.Single(ping.Xattrs);
    }

    [Fact]
    public void Reading_what_has_no_content_or_is_missing_fails_clearly()
    {
        using var tree = NewTree();
        tree.CreateDirectory("etc");
        Assert.Throws<InvalidOperationException>(() => tree.OpenRead("etc"));
        Assert.Throws<FileNotFoundException>(() => tree.ReadAllBytes("etc/none"));
        Assert.Throws<FileNotFoundException>(() => tree.Get("none"));
        Assert.Null(tree.Find("none"));
        Assert.Throws<FileNotFoundException>(() => tree.Children("etc/none"));
    }

    [Fact]
    public void Binary_content_round_trips_exactly()
    {
        using var tree = NewTree();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        tree.WriteAllBytes("bin/blob", bytes);
        Assert.Equal(bytes, tree.ReadAllBytes("bin/blob"));
        using var stream = tree.OpenRead("bin/blob");
        Assert.Equal(256, stream.Length);
        Assert.Equal(Encoding.Latin1.GetString(bytes), new StreamReader(stream, Encoding.Latin1).ReadToEnd());
    }
}
