using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class CloneSpecs
{
    [Fact]
    public void A_clone_is_edited_independently()
    {
        using var original = new RootFs();
        original.WriteAllText("etc/rc.conf", "rc_sys=\"\"\n");
        original.WriteAllText("bin/busybox", "bb");
        original.CreateHardLink("bin/sh", "bin/busybox");

        using var clone = original.Clone();
        clone.WriteAllText("etc/rc.conf", "rc_sys=\"docker\"\n");
        clone.SetMode("bin/sh", 0b111_000_000);
        clone.Delete("bin/busybox");
        clone.CreateDirectory("new");

        Assert.Equal("rc_sys=\"\"\n", original.ReadAllText("etc/rc.conf"));
        Assert.Equal(0b110_100_100, original.Get("bin/sh").Mode);
        Assert.Equal(EntryKind.HardLink, original.Get("bin/sh").Kind);
        Assert.False(original.Exists("new"));
        Assert.Equal(6, original.Count);
        Assert.Equal(EntryKind.File, clone.Get("bin/sh").Kind);
        Assert.Equal(0b111_000_000, clone.Get("bin/sh").Mode);
    }

    [Fact]
    public void A_clone_keeps_hard_link_groups_as_groups()
    {
        using var original = new RootFs();
        original.WriteAllText("a", "x");
        original.CreateHardLink("b", "a");
        using var clone = original.Clone();
        Assert.Equal(original.Entries, clone.Entries);

        clone.SetMode("b", 0b100_000_000);

        Assert.Equal(0b100_000_000, clone.Get("a").Mode);
        Assert.Equal(0b110_100_100, original.Get("a").Mode);
    }

    [Fact]
    public void Disposing_one_clone_leaves_the_others_reading_the_spool()
    {
        var spoolDir = Directory.CreateTempSubdirectory("boxer-clone-").FullName;
        try
        {
            var original = SpooledTree.Create(spoolDir, ("etc/motd", "welcome"u8.ToArray()));
            var clone = original.Clone();
            original.Dispose();
            original.Dispose();

            Assert.Equal("welcome", clone.ReadAllText("etc/motd"));
            using var stream = clone.OpenRead("etc/motd");
            clone.Dispose();
            Assert.Equal("welcome", new StreamReader(stream).ReadToEnd());
            Assert.Throws<ObjectDisposedException>(() => clone.ReadAllText("etc/motd"));
            Assert.Empty(Directory.GetFileSystemEntries(spoolDir));
        }
        finally
        {
            Directory.Delete(spoolDir, recursive: true);
        }
    }
}
