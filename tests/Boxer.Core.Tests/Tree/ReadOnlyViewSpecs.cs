using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class ReadOnlyViewSpecs
{
    [Fact]
    public void A_target_gets_a_view_that_reads_but_cannot_be_cast_back_to_edit()
    {
        using var tree = new RootFs();
        tree.WriteAllText("etc/hostname", "box");
        var view = tree.AsReadOnly();

        Assert.IsNotAssignableFrom<IRootFs>(view);
        Assert.IsNotType<RootFs>(view);
        Assert.Equal("box", view.ReadAllText("/etc/hostname"));
        Assert.Equal(tree.Entries, view.Entries);
        Assert.Equal(tree.Count, view.Count);
        Assert.Equal(3, view.ContentSize);
        Assert.Single(view.Glob("etc/*"));
        Assert.Single(view.Children("etc"));
        Assert.True(view.Exists("etc"));
        Assert.NotNull(view.Find("etc"));
        Assert.IsNotAssignableFrom<IRootFs>(view.Entries);
    }
}
