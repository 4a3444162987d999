using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class HardLinkSpecs
{
    private static RootFs TreeWithGroup()
    {
        var tree = new RootFs();
        tree.WriteAllText("usr/bin/gzip", "gzip-binary", 0b111_101_101);
        tree.CreateHardLink("bin/gunzip", "usr/bin/gzip");
        tree.CreateHardLink("usr/bin/zcat", "bin/gunzip");
        return tree;
    }

    [Fact]
    public void The_first_name_in_enumeration_order_is_the_file_and_the_others_name_it()
    {
        using var tree = TreeWithGroup();
        var group = tree.Entries.Where(e => e.HasContent).ToList();

        Assert.Equal(["bin/gunzip", "usr/bin/gzip", "usr/bin/zcat"], group.Select(e => e.Path));
        Assert.Equal([EntryKind.File, EntryKind.HardLink, EntryKind.HardLink], group.Select(e => e.Kind));
        Assert.Equal([null, "bin/gunzip", "bin/gunzip"], group.Select(e => e.LinkTarget));
        Assert.All(group, e => Assert.Equal(11, e.Size));
        Assert.Equal(EntryKind.HardLink, tree.Get("usr/bin/zcat").Kind);
        Assert.Equal(11, tree.ContentSize);
    }

    [Fact]
    public void A_chmod_through_one_name_changes_them_all()
    {
        using var tree = TreeWithGroup();
        tree.SetMode("usr/bin/zcat", 0b100_111_101_101);
        tree.SetXattr("bin/gunzip", "user.x", [7]);
        Assert.All(new[] { "bin/gunzip", "usr/bin/gzip", "usr/bin/zcat" }, p =>
        {
            Assert.Equal(0b100_111_101_101, tree.Get(p).Mode);
            Assert.Equal([7], tree.Get(p).Xattrs["user.x"].ToArray());
        });
    }

    [Fact]
    public void Writing_through_one_name_is_seen_through_the_others()
    {
        using var tree = TreeWithGroup();
        tree.WriteAllText("usr/bin/zcat", "new");
        Assert.Equal("new", tree.ReadAllText("usr/bin/gzip"));
        Assert.Equal(3, tree.ContentSize);
    }

    [Fact]
    public void Deleting_the_first_name_keeps_the_content_for_the_others()
    {
        using var tree = TreeWithGroup();
        tree.Delete("bin/gunzip");

        Assert.Equal(EntryKind.File, tree.Get("usr/bin/gzip").Kind);
        Assert.Equal((EntryKind.HardLink, "usr/bin/gzip"), (tree.Get("usr/bin/zcat").Kind, tree.Get("usr/bin/zcat").LinkTarget));
        Assert.Equal("gzip-binary", tree.ReadAllText("usr/bin/zcat"));
        tree.Delete("usr/bin/gzip");
        Assert.Equal(EntryKind.File, tree.Get("usr/bin/zcat").Kind);
        Assert.Equal(11, tree.ContentSize);
        tree.Delete("usr/bin/zcat");
        Assert.Equal(0, tree.ContentSize);
    }

    [Fact]
    public void Moving_a_name_can_make_it_the_first()
    {
        using var tree = TreeWithGroup();
        tree.Move("usr/bin/zcat", "a-zcat");
        Assert.Equal(EntryKind.File, tree.Get("a-zcat").Kind);
        Assert.Equal("a-zcat", tree.Get("bin/gunzip").LinkTarget);
    }

    [Fact]
    public void Only_regular_files_take_hard_links()
    {
        using var tree = TreeWithGroup();
        tree.CreateSymlink("bin/sh", "busybox");
        Assert.Throws<InvalidOperationException>(() => tree.CreateHardLink("bin/ash", "bin/sh"));
        Assert.Throws<FileNotFoundException>(() => tree.CreateHardLink("bin/ash", "bin/missing"));
    }
}
