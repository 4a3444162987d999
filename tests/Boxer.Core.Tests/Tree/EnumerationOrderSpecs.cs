using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class EnumerationOrderSpecs
{
    [Fact]
    public void Entries_come_depth_first_with_siblings_by_utf8_bytes()
    {
        using var tree = new RootFs();
        // U+FF21 (EF BC A1 in UTF-8) sorts before U+1F600 (F0 9F 98 80), though UTF-16 orders them the other way.
        foreach (var path in new[] { "b", "a-b/x", "a/z", "a/y/q", "\U0001F600", "\uFF21", "B", "é", "a.b" })
        {
            tree.WriteAllText(path, "");
        }

        Assert.Equal(
            ["", "B", "a", "a/y", "a/y/q", "a/z", "a-b", "a-b/x", "a.b", "b", "é", "\uFF21", "\U0001F600"],
            tree.Entries.Select(e => e.Path));
        Assert.Equal(["a/y", "a/z"], tree.Children("a").Select(e => e.Path));
    }

    [Fact]
    public void The_root_is_first_and_has_the_empty_path()
    {
        using var tree = new RootFs();
        var root = Assert.Single(tree.Entries);
        Assert.Equal(("", Boxer.Abstractions.EntryKind.Directory), (root.Path, root.Kind));
    }
}
