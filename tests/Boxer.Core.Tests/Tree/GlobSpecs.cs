using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class GlobSpecs
{
    private static RootFs Tree()
    {
        var tree = new RootFs();
        foreach (var path in new[]
        {
            "usr/src/linux-6.1/Makefile", "usr/src/linux/README", "usr/src/other",
            "lib/modules/6.1.0/kernel/a.ko", "etc/init.d/sshd", "etc/init.d/.hidden",
            "etc/conf.d/sshd", "var/db/pkg/sys-kernel/debian-sources-6.1/CONTENTS", "etc/a1", "etc/b2",
        })
        {
            tree.WriteAllText(path, "x");
        }
        return tree;
    }

    [Theory]
    [InlineData("usr/src/linux*", "usr/src/linux,usr/src/linux-6.1")]
    [InlineData("/usr/src/linux*", "usr/src/linux,usr/src/linux-6.1")]
    [InlineData("lib/modules/*", "lib/modules/6.1.0")]
    [InlineData("etc/init.d/*", "etc/init.d/.hidden,etc/init.d/sshd")]
    [InlineData("**/sshd", "etc/conf.d/sshd,etc/init.d/sshd")]
    [InlineData("etc/**", "etc/a1,etc/b2,etc/conf.d,etc/conf.d/sshd,etc/init.d,etc/init.d/.hidden,etc/init.d/sshd")]
    [InlineData("**/*.ko", "lib/modules/6.1.0/kernel/a.ko")]
    [InlineData("var/db/pkg/sys-kernel/debian-sources*", "var/db/pkg/sys-kernel/debian-sources-6.1")]
    [InlineData("etc/[ab]?", "etc/a1,etc/b2")]
    [InlineData("etc/[!a]2", "etc/b2")]
    [InlineData("etc/[a-b]1", "etc/a1")]
    [InlineData("etc/?", "")]
    [InlineData("nothing/**", "")]
    [InlineData("usr/src/linux/README", "usr/src/linux/README")]
    public void I_can_glob(string pattern, string expected)
    {
        using var tree = Tree();
        Assert.Equal(expected, string.Join(',', tree.Glob(pattern).Select(e => e.Path)));
    }

    [Fact]
    public void The_double_star_alone_matches_everything_but_the_root()
    {
        using var tree = Tree();
        Assert.Equal(tree.Entries.Skip(1).Select(e => e.Path), tree.Glob("**").Select(e => e.Path));
        Assert.Equal([""], tree.Glob("/").Select(e => e.Path));
    }
}
